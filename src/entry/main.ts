// The runner's entry of the main step: run it, then exit.
import { run } from '../main.js';
import { exitWhenDone } from './exit.js';

void run().finally(exitWhenDone);
