/** What a team's pages answer someone an owner has yet to confirm (403): where they stand. */
export interface AwaitingConfirmation {
  waiting: { team: string; member: string };
}
