// The presidium's minutes on the server: the list, a meeting and its print view and attachments,
// search, and the new-minutes and editor forms.
export {
	loadMeeting,
	loadMeetingPrint,
	loadMinutesEditor,
	loadMinutesList,
	loadMinutesNew,
	loadMinutesSearch,
	minutesAttachment,
	minutesEditorActions,
	minutesNewActions,
	type MeetingData,
	type MinutesEditorData,
	type MinutesListData,
	type MinutesNewData,
	type MinutesSearchData
} from './minutes.ts';
export type { MinutesFormValues } from './minutes-form.ts';
