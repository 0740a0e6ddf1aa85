/**
 * Model-based test past every cap (see model.ts): 2,200 posts entering the window at once, more than 500 job IDs.
 * PUBLER_FC_LARGE_RUNS sets the scenario count of each (default 1).
 */
import { jobsModel, largeLifecycleModel } from './model';

largeLifecycleModel();
jobsModel('large');
