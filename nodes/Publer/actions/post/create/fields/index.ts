import type { INodeProperties } from 'n8n-workflow';

import { mediaFields, textFields } from './content';
import { accountsField, extraFields } from './extras';
import { modeFields, scheduleFields } from './mode';
import { networkOverrideFields } from './networkOverrides';
import { createOptions } from './options';

/** Post → Create's fields, in the order the editor shows them. */
export const createFields: INodeProperties[] = [
	...modeFields,
	accountsField,
	...textFields,
	...scheduleFields,
	...mediaFields,
	...networkOverrideFields,
	...extraFields,
	createOptions,
];
