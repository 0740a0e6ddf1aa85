/** Model-based test: Post Published, Post Failed, Post Entered State (see model.ts). PUBLER_FC_RUNS sets the scenario count. */
import { lifecycleModel } from './model';

lifecycleModel();
