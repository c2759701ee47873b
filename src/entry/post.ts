// The runner's entry of the post step: run it, then exit. The runner hands saved state as STATE_*
// variables, read here without loading @actions/core, so a job that is not tracked ends at once.
import { runPost } from '../steps/post.js';
import { readStateFromEnv } from '../runner/state.js';
import { exitWhenDone } from './exit.js';

void runPost(new Date(), readStateFromEnv).finally(exitWhenDone);
