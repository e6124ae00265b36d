/** PUT /admin/matters/:id/pin — put a matter at the top of its county's popular matters, or take it off. */
export interface MatterPinRequest {
  /** 1 first … 8; null: not pinned any more. */
  rank: number | null;
}

/** The pin as saved: the county (the one holding the matter's department) and the rank, null when removed. */
export interface MatterPinView {
  matterId: number;
  countyUnitId: number;
  rank: number | null;
}
