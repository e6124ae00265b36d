/**
 * One demo official persona per row: a town head, a civil-affairs assistant, a village secretary
 * (the first official holding one of the titles, by unit order then rank). The demo login lists
 * them; the demo tickets give them work in their inbox.
 */
export const DEMO_OFFICIAL_TITLES: readonly string[][] = [
  ['党工委书记', '党委书记'],
  ['民政助理'],
  ['党支部书记、村委会主任', '党支部书记'],
];
