// Action entry: the runner executes dist/index.js, built from this file.
import { run } from './main.js';

void run();
