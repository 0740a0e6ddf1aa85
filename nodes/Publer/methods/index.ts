import * as listSearch from '../../shared/methods/listSearch';
import * as loadOptions from './loadOptions';

export { listSearch, loadOptions };
