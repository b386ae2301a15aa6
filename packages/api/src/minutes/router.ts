import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ACTION_KINDS, AGENDA_KINDS, ATTENDEE_ROLES, type Membership, type MeetingMinutes } from '@regionportalen/db';
import { assertCanWriteMinutes, canReadMinutes, canWriteMinutes, type MinutesScope } from './access.ts';
import {
	type Context,
	findRegionBySlug,
	idSchema,
	listForbundOfRegion,
	publicProcedure,
	querySchema,
	recordAudit,
	renderMarkdown,
	roleCheckedProcedure,
	type SignedInContext,
	slugSchema,
	requireRegion,
	assertFeature,
	assertFreshFileKey,
	forbundOfRegion,
	attachmentInput,
	attachmentNotFound,
	attachmentRow,
	removeAttachmentInput,
	auditFor
} from '../core/index.ts';
import {
	approve,
	correct,
	createMeeting,
	currentRevision,
	findMeeting,
	findRevision,
	forbundNames,
	listMeetings,
	listRevisions,
	loadRows,
	publish,
	saveDraft,
	searchMinutes,
	setPublic,
	type Visibility
} from './queries.ts';

// The presidium room. Reading procedures are `public` because a meeting published to everyone needs
// no login; each decides from the caller's memberships which revisions they may see (access.ts), and
// row-level security decides the same again. Writing is for the region's coordinators. Every read of
// minutes that are not public, and every write, leaves an entry in the audit log.

const text = (max: number, message: string) => z.string().trim().max(max, message);
const optionalDate = z.date().nullable().default(null);
const forbundRef = idSchema.nullable().default(null);

const attendeeSchema = z
	.object({
		name: z.string().trim().min(1, 'Varje deltagare behöver ett namn.').max(200, 'Ett namn får vara högst 200 tecken.'),
		forbund_id: forbundRef,
		role: z.enum(ATTENDEE_ROLES, 'Välj en roll för varje deltagare.'),
		title: text(200, 'En titel får vara högst 200 tecken.').default(''),
		user_id: idSchema.nullable().default(null)
	})
	.refine((a) => a.role !== 'other' || a.title.length > 0, {
		message: 'En deltagare med rollen ”annan” behöver en titel.',
		path: ['title']
	});

const itemSchema = z.object({
	kind: z.enum(AGENDA_KINDS, 'Välj vilken sorts punkt det är.'),
	forbund_id: forbundRef,
	heading: z.string().trim().min(1, 'Varje punkt behöver en rubrik.').max(300, 'En rubrik får vara högst 300 tecken.'),
	presenter: text(200, 'Föredragandens namn får vara högst 200 tecken.').default(''),
	body: text(50_000, 'En punkts text är för lång.').default('')
});

const actionSchema = z.object({
	kind: z.enum(ACTION_KINDS, 'Välj beslut eller uppföljning.'),
	text: z.string().trim().min(1, 'Skriv vad som beslutades.').max(5_000, 'Ett beslut får vara högst 5 000 tecken.'),
	responsible: text(200, 'Den ansvariges namn får vara högst 200 tecken.').default(''),
	due_date: z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.').nullable().default(null)
});

const contentSchema = z
	.object({
		title: z.string().trim().min(3, 'Rubriken behöver minst 3 tecken.').max(200, 'Rubriken får vara högst 200 tecken.'),
		starts_at: z.date('Ange mötets datum och tid.'),
		ends_at: optionalDate,
		place: text(200, 'Platsen får vara högst 200 tecken.').default(''),
		host_forbund_id: forbundRef,
		next_host_forbund_id: forbundRef,
		next_starts_at: optionalDate,
		next_ends_at: optionalDate,
		next_place: text(200, 'Platsen får vara högst 200 tecken.').default(''),
		attendees: z.array(attendeeSchema).max(100, 'Högst 100 deltagare.').default([]),
		items: z.array(itemSchema).max(100, 'Högst 100 punkter.').default([]),
		actions: z.array(actionSchema).max(100, 'Högst 100 beslut.').default([])
	})
	.refine((c) => !c.ends_at || c.ends_at >= c.starts_at, {
		message: 'Mötet kan inte sluta innan det börjar.',
		path: ['ends_at']
	})
	.refine((c) => !c.next_ends_at || (c.next_starts_at && c.next_ends_at >= c.next_starts_at), {
		message: 'Nästa möte kan inte sluta innan det börjar.',
		path: ['next_ends_at']
	});

export type MinutesContentInput = z.input<typeof contentSchema>;

const versionSchema = z.number().int().positive();
const adjusterSchema = z
	.string()
	.trim()
	.min(2, 'Skriv justerarens namn.')
	.max(200, 'Ett namn får vara högst 200 tecken.');

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Mötet finns inte.' });
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat protokollet medan du redigerade. Ladda om sidan och gör om din ändring.'
	});
const frozen = () =>
	new TRPCError({
		code: 'BAD_REQUEST',
		message: 'Protokollet är justerat och kan inte ändras. Gör en rättelse i stället.'
	});

/** The region and its förbund, by slug. */
async function regionScope(ctx: Context, slug: string) {
	const region = await requireRegion(ctx, slug);
	const forbund = await forbundOfRegion(ctx, region.id);
	return { region, forbund, scope: { regionId: region.id, forbundIds: forbund.map((f) => f.id) } };
}

function visibilityFor(memberships: Membership[], scope: MinutesScope): Visibility {
	if (canWriteMinutes(memberships, scope)) return { unpublished: true };
	return { unpublished: false, onlyPublic: !canReadMinutes(memberships, scope) };
}

/**
 * What a reader is told when minutes are not there for them: a visitor to sign in, a signed-in person
 * without a role in the region that they may not, a reader that the meeting does not exist.
 */
function refusal(ctx: Context, v: Visibility) {
	if (!ctx.user) return new TRPCError({ code: 'UNAUTHORIZED', message: 'Logga in för att läsa presidiets protokoll.' });
	if (!v.unpublished && v.onlyPublic) {
		return new TRPCError({
			code: 'FORBIDDEN',
			message: 'Presidiets protokoll kan bara läsas av regionens presidieledamöter, förbundschefer och samordnare.'
		});
	}
	return notFound();
}

/** A revision the reader may see under `v`. */
function visibleUnder(v: Visibility, meeting: { public: boolean }, minutes: MeetingMinutes) {
	if (v.unpublished) return true;
	return minutes.status === 'published' && (!v.onlyPublic || meeting.public);
}

/** The meeting and its newest revision, if the caller may write it. */
async function editable(ctx: SignedInContext, id: number) {
	const meeting = await findMeeting(ctx.db, id);
	if (!meeting) throw notFound();
	assertCanWriteMinutes(ctx.memberships, { regionId: meeting.region_id });
	await assertFeature(ctx, { forbund_id: null, region_id: meeting.region_id }, 'minutes');
	const latest = await currentRevision(ctx.db, meeting, { unpublished: true });
	if (!latest) throw notFound();
	return { meeting, latest };
}

/** Every förbund the content points to must be one of the region's. */
async function checkForbund(ctx: Context, regionId: number, content: z.output<typeof contentSchema>) {
	const ids = [
		content.host_forbund_id,
		content.next_host_forbund_id,
		...content.attendees.map((a) => a.forbund_id),
		...content.items.map((i) => i.forbund_id)
	].filter((id): id is number => id !== null);
	if (!ids.length) return;
	const inRegion = new Set((await listForbundOfRegion(ctx.db, regionId)).map((f) => f.id));
	if (ids.some((id) => !inRegion.has(id))) {
		throw new TRPCError({ code: 'BAD_REQUEST', message: 'Ett valt förbund hör inte till regionen.' });
	}
}

/** The entry every write leaves, in the write's transaction. */
const audit = auditFor('meeting');

export const minutesRouter = {
	/**
	 * A region's meetings, newest first: every meeting for its coordinators (drafts included), the
	 * published ones for its presidium members and förbund admins, the public ones for anyone else.
	 * A list of titles and dates is not a read of the minutes, so it is not logged.
	 */
	list: publicProcedure.input(z.object({ region: slugSchema })).query(async ({ ctx, input }) => {
		const { region, forbund, scope } = await regionScope(ctx, input.region);
		const memberships = ctx.memberships;
		const v = visibilityFor(memberships, scope);
		return {
			region: { id: region.id, slug: region.slug, name: region.name },
			forbund: forbund.map((f) => ({ id: f.id, name: f.name, short_name: f.short_name })),
			meetings: await listMeetings(ctx.db, region.id, v),
			canRead: !('onlyPublic' in v) || !v.onlyPublic,
			canWrite: v.unpublished
		};
	}),

	/**
	 * One meeting's minutes (its current revision, or an earlier one by number) with attendees, agenda
	 * (Markdown rendered and sanitised), decisions, attachments and revision history. A read of
	 * minutes that are not public is logged.
	 */
	meeting: publicProcedure
		.input(
			z.object({
				region: slugSchema,
				id: idSchema,
				revision: z.number().int().positive().optional(),
				view: z.enum(['page', 'print']).default('page')
			})
		)
		.query(async ({ ctx, input }) => {
			const { region, scope } = await regionScope(ctx, input.region);
			const v = visibilityFor(ctx.memberships, scope);
			const meeting = await findMeeting(ctx.db, input.id);
			if (!meeting || meeting.region_id !== region.id) throw refusal(ctx, v);
			const minutes = input.revision
				? await findRevision(ctx.db, meeting.id, input.revision)
				: await currentRevision(ctx.db, meeting, v);
			if (!minutes || !visibleUnder(v, meeting, minutes)) throw refusal(ctx, v);

			const publicRead = meeting.public && minutes.status === 'published';
			if (!publicRead) {
				await audit(
					ctx,
					'minutes.read',
					meeting,
					`Läste protokollet ”${minutes.title}” (version ${minutes.number}${input.view === 'print' ? ', utskrift' : ''})`,
					{ revision: minutes.number, view: input.view }
				);
			}
			const [rows, revisions, names] = await Promise.all([
				loadRows(ctx.db, minutes.id),
				listRevisions(ctx.db, meeting.id, v),
				forbundNames(ctx.db, [minutes.host_forbund_id, minutes.next_host_forbund_id])
			]);
			const { search: _s, search_document: _d, ...fields } = minutes;
			return {
				meeting: { id: meeting.id, public: meeting.public, published_number: meeting.published_number },
				minutes: fields,
				host_name: minutes.host_forbund_id ? (names.get(minutes.host_forbund_id) ?? null) : null,
				next_host_name: minutes.next_host_forbund_id ? (names.get(minutes.next_host_forbund_id) ?? null) : null,
				attendees: rows.attendees,
				items: rows.items.map((item) => ({ ...item, body_html: renderMarkdown(item.body) })),
				actions: rows.actions,
				attachments: rows.attachments.map(({ storage_key: _, ...a }) => a),
				revisions,
				isCurrent: minutes.number === (v.unpublished ? revisions[0]?.number : meeting.published_number),
				publicRead,
				canWrite: v.unpublished
			};
		}),

	/** An attachment to download, if the caller may see its minutes; a download of a non-public one is logged. */
	attachment: publicProcedure
		.input(z.object({ region: slugSchema, id: idSchema, attachmentId: idSchema }))
		.query(async ({ ctx, input }) => {
			const { region, scope } = await regionScope(ctx, input.region);
			const v = visibilityFor(ctx.memberships, scope);
			const meeting = await findMeeting(ctx.db, input.id);
			if (!meeting || meeting.region_id !== region.id) throw refusal(ctx, v);
			const found = await ctx.db
				.selectFrom('minutes_attachment as a')
				.innerJoin('meeting_minutes as r', 'r.id', 'a.minutes_id')
				.select(['a.storage_key', 'a.filename', 'a.content_type', 'a.size_bytes', 'r.id as minutes_id'])
				.where('a.id', '=', input.attachmentId)
				.where('r.meeting_id', '=', meeting.id)
				.executeTakeFirst();
			const minutes =
				found &&
				(await ctx.db.selectFrom('meeting_minutes').selectAll().where('id', '=', found.minutes_id).executeTakeFirst());
			if (!found || !minutes || !visibleUnder(v, meeting, minutes)) throw refusal(ctx, v);
			const publicRead = meeting.public && minutes.status === 'published';
			if (!publicRead) {
				await audit(ctx, 'minutes.read', meeting, `Hämtade bilagan ${found.filename} till ”${minutes.title}”`, {
					revision: minutes.number,
					view: 'attachment',
					filename: found.filename
				});
			}
			const { minutes_id: _, ...file } = found;
			return { ...file, publicRead };
		}),

	/**
	 * Swedish full-text search in the minutes the caller may see. The hits' passages show the minutes'
	 * text, so a search that returns minutes that are not public is logged once, with the query and
	 * the meetings it showed.
	 */
	search: publicProcedure.input(z.object({ region: slugSchema, q: querySchema })).query(async ({ ctx, input }) => {
		const { region, scope } = await regionScope(ctx, input.region);
		const v = visibilityFor(ctx.memberships, scope);
		const hits = await searchMinutes(ctx.db, region.id, input.q, v);
		const confidential = !('onlyPublic' in v) || !v.onlyPublic;
		if (hits.length && confidential) {
			await recordAudit(ctx.db, ctx.user, {
				action: 'minutes.search',
				entity_type: 'meeting',
				entity_id: null,
				region_id: region.id,
				summary: `Sökte i presidiets protokoll efter ”${input.q}” (${hits.length} träffar)`,
				detail: { q: input.q, meetings: hits.map((h) => h.id) }
			});
		}
		return hits;
	}),

	/** Everything the editor needs: the newest revision with its rows, the history and the region's förbund. */
	forEditing: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		const { meeting, latest } = await editable(ctx, input.id);
		await audit(ctx, 'minutes.read', meeting, `Öppnade protokollet ”${latest.title}” för redigering`, {
			revision: latest.number,
			view: 'editor'
		});
		const [rows, revisions, forbund] = await Promise.all([
			loadRows(ctx.db, latest.id),
			listRevisions(ctx.db, meeting.id, { unpublished: true }),
			listForbundOfRegion(ctx.db, meeting.region_id)
		]);
		const { search: _s, search_document: _d, ...minutes } = latest;
		return {
			meeting,
			minutes,
			...rows,
			revisions,
			forbund: forbund.map((f) => ({ id: f.id, name: f.name, short_name: f.short_name }))
		};
	}),

	/** A new meeting: revision 1, a draft only the region's coordinators see. */
	create: roleCheckedProcedure
		.input(z.object({ region: slugSchema, content: contentSchema }))
		.mutation(async ({ ctx, input }) => {
			const { region } = await regionScope(ctx, input.region);
			assertCanWriteMinutes(ctx.memberships, { regionId: region.id });
			await assertFeature(ctx, { forbund_id: null, region_id: region.id }, 'minutes');
			await checkForbund(ctx, region.id, input.content);
			const { meeting, minutes } = await createMeeting(ctx.db, region.id, input.content, ctx.user.id);
			await audit(ctx, 'minutes.create', meeting, `Skapade protokollet ”${minutes.title}”`, { revision: 1 });
			return { id: meeting.id, version: minutes.version };
		}),

	/** Saves a draft; refused when someone saved since `version` was read, or once it is approved. */
	update: roleCheckedProcedure
		.input(z.object({ id: idSchema, version: versionSchema, content: contentSchema }))
		.mutation(async ({ ctx, input }) => {
			const { meeting, latest } = await editable(ctx, input.id);
			if (latest.status !== 'draft') throw frozen();
			await checkForbund(ctx, meeting.region_id, input.content);
			const saved = await saveDraft(ctx.db, latest, input.version, input.content, ctx.user.id);
			if (!saved) throw conflict();
			await audit(ctx, 'minutes.update', meeting, `Sparade utkastet ”${saved.title}”`, { revision: saved.number });
			return { id: meeting.id, version: saved.version };
		}),

	/** Draft → approved (justerat): records who approved, when, and the one or two justerare. */
	approve: roleCheckedProcedure
		.input(
			z.object({
				id: idSchema,
				version: versionSchema,
				adjusters: z.array(adjusterSchema).min(1, 'Ange minst en justerare.').max(2, 'Högst två justerare.')
			})
		)
		.mutation(async ({ ctx, input }) => {
			const { meeting, latest } = await editable(ctx, input.id);
			if (latest.status !== 'draft') throw frozen();
			const approved = await approve(ctx.db, latest, input.version, input.adjusters, ctx.user.id);
			if (!approved) throw conflict();
			await audit(ctx, 'minutes.approve', meeting, `Justerade protokollet ”${approved.title}”`, {
				revision: approved.number,
				adjusters: input.adjusters
			});
			return { id: meeting.id, version: approved.version };
		}),

	/** Approved → published to the region's presidium members. */
	publish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const { meeting, latest } = await editable(ctx, input.id);
		if (latest.status !== 'approved') {
			throw new TRPCError({
				code: 'BAD_REQUEST',
				message:
					latest.status === 'draft'
						? 'Protokollet måste justeras innan det publiceras.'
						: 'Protokollet är redan publicerat.'
			});
		}
		const published = await publish(ctx.db, latest, ctx.user.id);
		if (!published) throw conflict();
		await audit(ctx, 'minutes.publish', meeting, `Publicerade protokollet ”${published.title}” för presidierna`, {
			revision: published.number
		});
		return { id: meeting.id, version: published.version };
	}),

	/** Publishes the meeting's published minutes to everyone, without login (or withdraws that). */
	setPublic: roleCheckedProcedure
		.input(z.object({ id: idSchema, public: z.boolean() }))
		.mutation(async ({ ctx, input }) => {
			const { meeting } = await editable(ctx, input.id);
			if (input.public && meeting.published_number === null) {
				throw new TRPCError({
					code: 'BAD_REQUEST',
					message: 'Protokollet måste vara justerat och publicerat för presidierna innan det kan bli offentligt.'
				});
			}
			const updated = await setPublic(ctx.db, meeting.id, input.public, ctx.user.id);
			await audit(
				ctx,
				input.public ? 'minutes.publish_publicly' : 'minutes.unpublish_publicly',
				meeting,
				input.public ? 'Publicerade protokollet för alla' : 'Tog bort protokollet från den öppna webben'
			);
			return { id: updated.id, public: updated.public };
		}),

	/** A correction of approved minutes: a new draft revision, the earlier ones kept as they were. */
	correct: roleCheckedProcedure
		.input(
			z.object({
				id: idSchema,
				reason: z
					.string()
					.trim()
					.min(3, 'Skriv varför protokollet rättas.')
					.max(1_000, 'Skälet får vara högst 1 000 tecken.')
			})
		)
		.mutation(async ({ ctx, input }) => {
			const { meeting, latest } = await editable(ctx, input.id);
			if (latest.status === 'draft') {
				throw new TRPCError({
					code: 'BAD_REQUEST',
					message: 'Protokollet är ett utkast: ändra det direkt i stället för att rätta det.'
				});
			}
			const correction = await correct(ctx.db, latest, input.reason, ctx.user.id);
			await audit(ctx, 'minutes.correct', meeting, `Påbörjade rättelse ${correction.number} av ”${latest.title}”`, {
				revision: correction.number,
				reason: input.reason
			});
			return { id: meeting.id, version: correction.version, number: correction.number };
		}),

	/** Adds a PDF (stored by the host in the media storage's private folder) to the draft. */
	addAttachment: roleCheckedProcedure.input(attachmentInput('private')).mutation(async ({ ctx, input }) => {
		const { meeting, latest } = await editable(ctx, input.id);
		if (latest.status !== 'draft') throw frozen();
		await assertFreshFileKey(ctx.db, input.key);
		const added = await ctx.db
			.insertInto('minutes_attachment')
			.values({ minutes_id: latest.id, ...attachmentRow(input) })
			.returning(['id', 'filename'])
			.executeTakeFirstOrThrow();
		await audit(ctx, 'minutes.attachment_add', meeting, `Bifogade ${input.filename} till ”${latest.title}”`, {
			revision: latest.number
		});
		return added;
	}),

	/** Removes an attachment from the draft (an approved revision keeps its attachments). */
	removeAttachment: roleCheckedProcedure.input(removeAttachmentInput).mutation(async ({ ctx, input }) => {
		const { meeting, latest } = await editable(ctx, input.id);
		if (latest.status !== 'draft') throw frozen();
		const removed = await ctx.db
			.deleteFrom('minutes_attachment')
			.where('id', '=', input.attachmentId)
			.where('minutes_id', '=', latest.id)
			.returning(['storage_key', 'filename'])
			.executeTakeFirst();
		if (!removed) throw attachmentNotFound();
		await audit(ctx, 'minutes.attachment_remove', meeting, `Tog bort bilagan ${removed.filename}`, {
			revision: latest.number
		});
		// Still in use by an earlier revision (a correction copies its attachments)? Then keep the file.
		const shared = await ctx.db
			.selectFrom('minutes_attachment')
			.select('id')
			.where('storage_key', '=', removed.storage_key)
			.executeTakeFirst();
		return { ...removed, fileInUse: !!shared };
	})
} satisfies TRPCRouterRecord;
