import { getAccounts } from './accounts';
import * as listSearch from './listSearch';

/** The dropdowns both nodes offer: workspaces and accounts. */
export const sharedMethods = { listSearch, loadOptions: { getAccounts } };
