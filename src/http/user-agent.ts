// How this action names itself to OpsTrails and to the GitHub API. A module of its own so the lazily
// loaded GitHub lookup does not pull the delivery path into its import graph.
export const USER_AGENT = 'opstrails-event-action/1';
