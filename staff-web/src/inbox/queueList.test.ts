import { describe, expect, it } from 'vitest';
import type { QueueCount } from '../api/conversations';
import { queueLabel, queueLoad } from './queueList';

const frontDesk: QueueCount = { queue: 'north-front-desk', locationCode: 'north', open: 3, unassigned: 1, urgent: 1, overdue: 0 };

// The list itself is driven in the browser test (StaffWebAppIT): vitest runs without a DOM here.
describe('queueLoad', () => {
  it('says what waits and leaves out what is zero', () => {
    expect(queueLoad(frontDesk)).toBe('3 open, 1 unassigned, 1 urgent');
    expect(queueLoad({ ...frontDesk, open: 0, unassigned: 0, urgent: 0 })).toBe('0 open');
    expect(queueLoad({ ...frontDesk, open: 2, unassigned: 0, urgent: 0, overdue: 2 })).toBe('2 open, 2 past target');
  });
});

describe('queueLabel', () => {
  it('names the location only when the person works at several', () => {
    const south: QueueCount = { ...frontDesk, queue: 'south-refills', locationCode: 'south' };
    expect(queueLabel(frontDesk, [frontDesk])).toBe('North front desk');
    expect(queueLabel(south, [frontDesk, south])).toBe('South Clinic · South refills');
  });
});
