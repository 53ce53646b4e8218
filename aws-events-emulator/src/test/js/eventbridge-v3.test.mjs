// Amazon EventBridge PutPartnerEvents (and PutEvents) through the AWS SDK for JavaScript v3
// (@aws-sdk/client-eventbridge), a client this project did not write.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBridgeClient, PutEventsCommand, PutPartnerEventsCommand } from '@aws-sdk/client-eventbridge';
import { emulator, inspect, PARTNER_SOURCE, rejectsWith, resetEmulators, seeded } from './helpers.mjs';

function eventBridge(overrides = {}) {
  return new EventBridgeClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey: emulator.secretAccessKey },
    maxAttempts: 1,
    ...overrides,
  });
}

const events = eventBridge();
const random = seeded(20260113);

function entry(i, overrides = {}) {
  return {
    Source: PARTNER_SOURCE,
    DetailType: 'Order Created',
    Detail: JSON.stringify({ order: i, amount: Math.floor(random() * 10_000) / 100 }),
    ...overrides,
  };
}

const put = (Entries, client = events) => client.send(new PutPartnerEventsCommand({ Entries }));

/** A JSON object Detail of exactly `bytes` UTF-8 bytes, with a two-byte character in it. */
function detailOf(bytes) {
  const prefix = '{"é":"';
  const suffix = '"}';
  const detail = prefix + 'x'.repeat(bytes - Buffer.byteLength(prefix) - suffix.length) + suffix;
  assert.equal(Buffer.byteLength(detail), bytes);
  return detail;
}

async function storedPartnerEvents() {
  return (await inspect('/partner/events?limit=10000')).events;
}

before(resetEmulators);

describe('PutPartnerEvents (@aws-sdk/client-eventbridge v3)', () => {
  test('1 entry with Time and Resources: stored as sent', async () => {
    const before = (await storedPartnerEvents()).length;
    const time = new Date(Date.UTC(2026, 0, 13, 9, 0, 0, 500));
    const response = await put([entry(1, { Time: time, Resources: ['arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/b'] })]);
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(response.FailedEntryCount, 0);
    assert.equal(response.Entries.length, 1);
    assert.ok(response.Entries[0].EventId);
    const stored = (await storedPartnerEvents()).slice(before);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].eventId, response.Entries[0].EventId);
    assert.equal(stored[0].source, PARTNER_SOURCE);
    assert.deepEqual(stored[0].resources, ['arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/b']);
    assert.equal(stored[0].time, '2026-01-13T09:00:00.500Z');
  });

  test('20 entries: all accepted, results and storage in request order', async () => {
    const before = (await storedPartnerEvents()).length;
    const entries = Array.from({ length: 20 }, (_, i) => entry(i));
    const response = await put(entries);
    assert.equal(response.FailedEntryCount, 0);
    assert.equal(response.Entries.length, 20);
    const stored = (await storedPartnerEvents()).slice(before);
    assert.deepEqual(stored.map((e) => e.eventId), response.Entries.map((r) => r.EventId));
    assert.deepEqual(stored.map((e) => e.detail), entries.map((e) => e.Detail));
  });

  test('21 entries is ValidationException 400, quoting the entries as AWS does', async () => {
    await rejectsWith(() => put(Array.from({ length: 21 }, (_, i) => entry(i))), { status: 400, type: 'ValidationException',
      message: /^1 validation error detected: Value '\[PutPartnerEventsRequestEntry\(.*' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 20$/ });
  });

  test('0 entries is ValidationException 400', async () => {
    await rejectsWith(() => put([]), { status: 400, type: 'ValidationException', message: /at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1/ });
  });

  test('per-entry errors come back in a 200, at the index of their entry', async () => {
    const response = await put([
      entry(0),
      entry(1, { Source: undefined }),
      entry(2, { DetailType: undefined }),
      entry(3, { Detail: undefined }),
      entry(4, { Detail: 'not json' }),
      entry(5, { Detail: '[1,2]' }),
      entry(6, { DetailType: 'd'.repeat(129) }),
      entry(7, { DetailType: 'd'.repeat(128) }),
    ]);
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(response.FailedEntryCount, 6);
    assert.deepEqual(response.Entries.map((r) => r.ErrorCode ?? 'ok'),
      ['ok', 'InvalidArgument', 'InvalidArgument', 'InvalidArgument', 'MalformedDetail', 'MalformedDetail', 'InvalidArgument', 'ok']);
    assert.equal(response.Entries[1].ErrorMessage, 'Parameter Source is not valid. Reason: Source is a required argument.');
    assert.equal(response.Entries[2].ErrorMessage, 'Parameter DetailType is not valid. Reason: DetailType is a required argument.');
    assert.equal(response.Entries[3].ErrorMessage, 'Parameter Detail is not valid. Reason: Detail is a required argument.');
    assert.equal(response.Entries[4].ErrorMessage, 'Detail is malformed.');
    assert.ok(response.Entries[0].EventId && response.Entries[7].EventId);
  });

  test('when every entry lacks a member, each fails with InvalidArgument in a 200', async () => {
    const response = await put([entry(0, { Source: undefined }), entry(1, { Detail: undefined })]);
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(response.FailedEntryCount, 2);
    assert.deepEqual(response.Entries.map((r) => r.ErrorCode), ['InvalidArgument', 'InvalidArgument']);
  });

  test('a Source outside the partner pattern is ValidationException 400, quoting the model pattern', async () => {
    await rejectsWith(() => put([entry(0), entry(1, { Source: 'com.example.orders' })]), { status: 400, type: 'ValidationException',
      message: "1 validation error detected: Value 'com.example.orders' at 'entries.2.member.source' failed to satisfy constraint: "
        + 'Member must satisfy regular expression pattern: aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}' });
  });

  test('a Source of 257 characters is ValidationException 400', async () => {
    await rejectsWith(() => put([entry(0, { Source: 'aws.partner/a/' + 'b'.repeat(243) })]), { status: 400, type: 'ValidationException',
      message: /at 'entries\.1\.member\.source' failed to satisfy constraint: Member must have length less than or equal to 256/ });
  });

  test('a Resources item of 2,049 characters is ValidationException 400; 2,048 is accepted', async () => {
    assert.equal((await put([entry(0, { Resources: ['r'.repeat(2048)] })])).FailedEntryCount, 0);
    await rejectsWith(() => put([entry(0, { Resources: ['arn:x', 'r'.repeat(2049)] })]), { status: 400, type: 'ValidationException',
      message: /^1 validation error detected: Value '\[arn:x, r+.*' at 'entries\.1\.member\.resources' failed to satisfy constraint: Member must satisfy constraint: \[Member must have length less than or equal to 2048\]$/ });
  });

  test('entries of 262,143 bytes are accepted; exactly 262,144 ("less than 256 KB") is ValidationException 400', async () => {
    const fixed = Buffer.byteLength(PARTNER_SOURCE) + Buffer.byteLength('Order Created') + 14 + 'arn:x'.length;
    const underLimit = entry(0, { Time: new Date(), Resources: ['arn:x'], Detail: detailOf(262_143 - fixed) });
    assert.equal((await put([underLimit])).FailedEntryCount, 0);
    await rejectsWith(() => put([{ ...underLimit, Detail: detailOf(262_144 - fixed) }]), { status: 400, type: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.' });
    await rejectsWith(() => put([entry(0, { Detail: detailOf(131_072) }), entry(1, { Detail: detailOf(131_072) })]),
      { status: 400, type: 'ValidationException', message: 'Total size of the entries in the request is over the limit.' });
  });

  test('with the selectable 413 answer, the oversized request is a 413 with an empty body, which v3 cannot type', async () => {
    await inspect('/settings', { method: 'POST', body: { oversizedRequestAnswer: 'EMPTY_413' } });
    try {
      // no body to read an error type from: v3 names it 'Unknown' (the emulator's own tests check the empty body)
      await rejectsWith(() => put([entry(0, { Detail: detailOf(262_145) })]), { status: 413, type: 'Unknown' });
    } finally {
      await inspect('/settings', { method: 'POST', body: { oversizedRequestAnswer: 'VALIDATION_EXCEPTION_400' } });
    }
  });

  test('injected per-entry throttling comes back as ErrorCode ThrottlingException', async () => {
    await inspect('/faults', { method: 'POST', body: { entryThrottleRate: 1, appliesTo: ['PARTNER_EVENTS'] } });
    try {
      const response = await put([entry(0), entry(1)]);
      assert.equal(response.FailedEntryCount, 2);
      assert.deepEqual(response.Entries.map((r) => r.ErrorCode), ['ThrottlingException', 'ThrottlingException']);
    } finally {
      await inspect('/faults', { method: 'DELETE' });
    }
  });

  test('injected request throttling is ThrottlingException 400', async () => {
    await inspect('/faults', { method: 'POST', body: { requestThrottleRate: 1, appliesTo: ['PARTNER_EVENTS'] } });
    try {
      await rejectsWith(() => put([entry(0)]), { status: 400, type: 'ThrottlingException' });
    } finally {
      await inspect('/faults', { method: 'DELETE' });
    }
  });
});

describe('PutEvents (@aws-sdk/client-eventbridge v3)', () => {
  test('10 entries are accepted with an EventBusName; 11 is ValidationException 400', async () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, { Source: 'com.example.orders', EventBusName: 'orders' }));
    const response = await events.send(new PutEventsCommand({ Entries: entries }));
    assert.equal(response.FailedEntryCount, 0);
    assert.equal(response.Entries.length, 10);
    await rejectsWith(() => events.send(new PutEventsCommand({ Entries: [...entries, entry(10)] })), { status: 400, type: 'ValidationException',
      message: /Value '\[PutEventsRequestEntry\(.*' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/ });
  });
});

describe('signatures and clocks (@aws-sdk/client-eventbridge v3)', () => {
  test('a wrong secret key is InvalidSignatureException 403', async () => {
    const wrong = eventBridge({ credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey: 'not-the-secret' } });
    await rejectsWith(() => put([entry(0)], wrong), { status: 403, type: 'InvalidSignatureException',
      message: /The request signature we calculated does not match/ });
  });

  test('an unknown access key is UnrecognizedClientException 403', async () => {
    const unknown = eventBridge({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: emulator.secretAccessKey } });
    await rejectsWith(() => put([entry(0)], unknown), { status: 403, type: 'UnrecognizedClientException' });
  });

  test('a client clock one hour behind fails with Signature expired when the SDK may not retry', async () => {
    const skewed = eventBridge({ endpoint: emulator.skewedEndpoint, maxAttempts: 1 });
    await rejectsWith(() => put([entry(0)], skewed), { status: 403, type: 'InvalidSignatureException',
      message: /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/ });
  });

  test('a client clock one hour behind succeeds with maxAttempts 3: the SDK corrects from the Date header', async () => {
    const skewed = eventBridge({ endpoint: emulator.skewedEndpoint, maxAttempts: 3 });
    const response = await put([entry(0)], skewed);
    assert.equal(response.FailedEntryCount, 0);
    assert.equal(response.$metadata.attempts, 2, 'one refused attempt, then the corrected one');
    const rejections = (await inspect('/rejections', { endpoint: emulator.skewedEndpoint })).rejections;
    assert.ok(rejections.some((r) => r.errorType === 'InvalidSignatureException' && r.message.startsWith('Signature expired')));
  });
});
