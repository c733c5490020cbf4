/**
 * Every key the add-on keeps outside the sheets' cells, in one place: document properties (shared
 * by everyone with the file), user properties (one person's, across spreadsheets) and the developer
 * metadata that marks our sheets and columns. Only the workbook layer touches properties.
 */

/** Where each table was found last (sheet name and columns), one key per table. */
export const LAYOUT_PROPERTY_PREFIX = 'trustCorners.layout.';
/** When the workbook was set up: its presence says the sheets exist. */
export const SET_UP_PROPERTY = 'trustCorners.setUpAt';
/** The spreadsheet's time zone as last asked (refreshed when the sidebar opens). */
export const TIME_ZONE_PROPERTY = 'trustCorners.timeZone';
/** The Dashboard's sheet name as set-up made it. */
export const DASHBOARD_PROPERTY = 'trustCorners.dashboardSheet';
/** The review pack's sheet name as Prepare review made it. */
export const REVIEW_PACK_PROPERTY = 'trustCorners.reviewPackSheet';
/** Who proposed a commitment (side, person key, person id), by commitment id: a hand edit of the sheet cannot change it. */
export const PROPOSAL_PROPERTY_PREFIX = 'trustCorners.proposal.';
/** The Change History's chain head: the last row's hash and position. */
export const CHAIN_HEAD_KEY = 'trustCorners.historyHead';
/** Change History entries onEdit holds until a save or the poll chains them. */
export const PENDING_PREFIX = 'trustCorners.pendingHistory.';
/** A sealed cycle's running sums per side, by cycle. */
export const SEALED_PREFIX = 'trustCorners.sealed.';
/** Who answered a cycle (respondent tokens), by cycle. */
export const ANSWERED_PREFIX = 'trustCorners.answered.';
/** A cycle's settings fixed when it opened (kind, anonymity, sealed minimum), by cycle. */
export const SETTINGS_KEY_PREFIX = 'trustCorners.cycleSettings.';
/** The change counter every save and tracked edit moves; open sidebars poll it. */
export const CHANGE_COUNTER_PROPERTY = 'trustCorners.changeCounter';
/** Where each table's data ends and how big its grid is, one key per table. */
export const EXTENT_PROPERTY_PREFIX = 'trustCorners.extent.';
/** Per table: how many of its first rows are settled and what they sum to (settled.ts). */
export const SETTLED_PROPERTY_PREFIX = 'trustCorners.settled.';
/** A person's saved name, side and person id (user properties), by spreadsheet. */
export const IDENTITY_KEY_PREFIX = 'trustCorners.identity.';
/** What a person did first and for which side, and a side chosen for an email neither company lists, by person key. */
export const PERSON_PROPERTY_PREFIX = 'trustCorners.person.';
/** The saved name and side of a person known by their email (never their person id), by person key: read with the document properties, no user-properties read. */
export const PERSON_IDENTITY_PREFIX = 'trustCorners.personIdentity.';
/** The open cycle as workbooks before the Cycles sheet kept it (read and removed by Repair). */
export const LEGACY_OPEN_CYCLE_PROPERTY = 'trustCorners.openCycle';
/** Repair recorded the past cycles on the Cycles sheet. */
export const CYCLES_RECORDED_PROPERTY = 'trustCorners.cyclesRecorded';
/** A menu item's last run and how long it took (user properties), by action. */
export const ACTION_KEY_PREFIX = 'trustCorners.timing.';
/** Developer metadata on a sheet: which table it holds. */
export const METADATA_SHEET_KEY = 'trustCorners.sheet';
/** Developer metadata on a column: which field it holds. */
export const METADATA_COLUMN_KEY = 'trustCorners.column';
