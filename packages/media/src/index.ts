// @regionportalen/media: uploaded images and attachments, checked, processed, stored and served.

export { MediaError, InvalidKeyError, type MediaErrorCode } from './errors.ts';
export { isValidKey, isPublicKey, assertValidKey, MAX_KEY_LENGTH, PRIVATE_FOLDER } from './keys.ts';
export { sniffImage, isPdf, type ImageFormat } from './detect.ts';
export {
	LocalStorage,
	S3Storage,
	storageFromEnv,
	defaultMediaDir,
	readAll,
	type MediaStorage,
	type StoredObject,
	type PutOptions,
	type S3Config
} from './storage.ts';
export {
	processImage,
	imageSources,
	imageWidths,
	imageVariantKey,
	deleteImage,
	MAX_IMAGE_BYTES,
	MAX_IMAGE_PIXELS,
	IMAGE_WIDTHS,
	DEFAULT_SIZES,
	type StoredImage,
	type ImageSources
} from './images.ts';
export { storeAttachment, sanitizeFilename, MAX_ATTACHMENT_BYTES, type StoredAttachment } from './attachments.ts';
export { mediaUrl, MEDIA_PATH } from './urls.ts';
export { mediaHeaders, contentDisposition, type ServedObject } from './http.ts';
