export interface Migration {
  /** The value `user_version` holds once this migration has run. */
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
}
