/** Model-based test: Job Completed, with unknown and expiring (404) jobs (see model.ts). PUBLER_FC_RUNS sets the scenario count. */
import { jobsModel } from './model';

jobsModel('small');
