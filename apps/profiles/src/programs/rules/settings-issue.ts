/** A rule a program's settings break: `field` is a path like `cycle.matchDate` or `cadence[1]`. */
export interface SettingsIssue {
  field: string;
  message: string;
}
