import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { capMap, fingerprint, newState, readState, writeState } from '../../nodes/PublerTrigger/state';

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

	it('caps maps by dropping the oldest entries', () => {
		const map: Record<string, number> = { a: 5, b: 1, c: 3, d: 4 };
		capMap(map, 2, (v) => v);
		expect(map).toEqual({ a: 5, d: 4 });
	});

	it('fingerprints settings stably', () => {
		expect(fingerprint(['postPublished', 'ws', []])).toBe(fingerprint(['postPublished', 'ws', []]));
		expect(fingerprint(['postPublished', 'ws', []])).not.toBe(fingerprint(['postFailed', 'ws', []]));
	});
});
