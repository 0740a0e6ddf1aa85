import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { fingerprint, newState, readState, writeState } from '../../../nodes/PublerTrigger/state';

function context(data: IDataObject): IPollFunctions {
	return { getWorkflowStaticData: () => data } as unknown as IPollFunctions;
}

describe('Publer Trigger state', () => {
	it('round-trips through JSON and ignores other versions or settings', () => {
		const data: IDataObject = {};
		const ctx = context(data);
		const state = { ...newState('abc'), init: true, wm: 100, posts: { a: [7, 90] as [number, number] } };
		writeState(ctx, state);
		const reloaded = context(JSON.parse(JSON.stringify(data)) as IDataObject);
		expect(readState(reloaded, 'abc')).toEqual(state);
		expect(readState(reloaded, 'other settings')).toBeUndefined();
		(data.publer as IDataObject).v = 2;
		expect(readState(ctx, 'abc')).toBeUndefined();
	});

	it('returns a detached copy: changing it does not change static data until written', () => {
		const data: IDataObject = {};
		writeState(context(data), { ...newState('x'), init: true, posts: {} });
		const copy = readState(context(data), 'x')!;
		copy.posts!.p = [1, 2];
		expect((data.publer as IDataObject).posts).toEqual({});
	});

	it('fingerprints settings stably', () => {
		expect(fingerprint(['postPublished', 'ws', []])).toBe(fingerprint(['postPublished', 'ws', []]));
		expect(fingerprint(['postPublished', 'ws', []])).not.toBe(fingerprint(['postFailed', 'ws', []]));
	});
});
