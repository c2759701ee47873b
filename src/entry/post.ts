// The runner's entry of the post step: run it, then exit.
import { run } from '../post.js';
import { exitWhenDone } from './exit.js';

void run().finally(exitWhenDone);
