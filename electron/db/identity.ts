/** PRAGMA application_id of every database this app writes: ASCII "THD1". */
export const APPLICATION_ID = 0x54484431;
