// A GitHub user as payloads and the REST API name one (`user`, `creator`, `actor`): an object whose
// `login` is the name GitHub shows (`octocat`, `vercel[bot]`). Pure.
import { record, text } from '../common/json.js';

/** The login of a GitHub user object, or undefined when the value is not one. */
export const userLogin = (user: unknown): string | undefined => text(record(user)?.login);
