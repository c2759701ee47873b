// The runner's entry of the main step: run it, then exit.
import { run } from '../steps/main.js';
import { exitWhenDone } from './exit.js';

void run().finally(exitWhenDone);
