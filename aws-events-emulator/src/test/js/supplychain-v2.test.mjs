// AWS Supply Chain through the AWS SDK for JavaScript v2 (aws-sdk), a client this project did not write.
// aws-sdk v2's own Supply Chain model has SendDataIntegrationEvent without datasetTarget, and no
// GetDataIntegrationEvent / ListDataIntegrationEvents, so the client is built from the service model of
// botocore 1.43 (supplychain 2024-01-01), cut to those three operations, without documentation, plus
// CreateDataLakeDataset and GetDataLakeDataset with the members of the SDK for Java 2.40.2 (primaryKeys, LONG).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import AWS from 'aws-sdk';
import { emulator, INSTANCE, inspect, rejectsWith, resetEmulators, seeded, uuid } from './helpers.mjs';

const require = createRequire(import.meta.url);
const model = require('./supplychain-2024-01-01.data-integration-events.json');

function supplyChain(overrides = {}) {
  return new AWS.Service({
    apiConfig: model,
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: new AWS.Credentials(emulator.accessKeyId, emulator.secretAccessKey),
    // the emulator, not the client, must refuse invalid requests
    paramValidation: false,
    maxRetries: 0,
    ...overrides,
  });
}

const scn = supplyChain();
const random = seeded(20260112);

const RECORDS = {
  'scn.data.forecast': { snapshot_date: '2026-01-01', product_id: 'p1', site_id: 's1', region_id: 'r1', mean: 4 },
  'scn.data.inventorylevel': { snapshot_date: '2026-01-01', site_id: 's1', product_id: 'p1', on_hand_inventory: 7 },
  'scn.data.inboundorder': { id: 'order-1', tpartner_id: 'partner-1', order_type: 'PO' },
  'scn.data.inboundorderline': { id: 'line-1', order_id: 'order-1', product_id: 'p1', quantity_submitted: 3 },
  'scn.data.inboundorderlineschedule': { id: 'sched-1', order_id: 'order-1', order_line_id: 'line-1' },
  'scn.data.outboundorderline': { id: 'oline-1', cust_order_id: 'co-1', product_id: 'p1' },
  'scn.data.outboundshipment': { id: 'oship-1', cust_order_id: 'co-1', cust_order_line_id: 'oline-1' },
  'scn.data.processheader': { process_id: 'proc-1', process_type: 'assembly' },
  'scn.data.processoperation': { process_operation_id: 'op-1', process_id: 'proc-1' },
  'scn.data.processproduct': { process_product_id: 'pp-1', process_id: 'proc-1', product_id: 'p1' },
  'scn.data.reservation': { reservation_id: 'res-1', reservation_detail_id: 'rd-1', product_id: 'p1' },
  'scn.data.shipment': { id: 'ship-1', supplier_tpartner_id: 'partner-1', order_id: 'order-1' },
  'scn.data.shipmentstop': { id: 'stop-1', shipment_id: 'ship-1' },
  'scn.data.shipmentstoporder': { shipment_stop_id: 'stop-1', order_id: 'order-1', shipment_id: 'ship-1' },
  'scn.data.supplyplan': { supply_plan_id: 'sp-1', product_id: 'p1', plan_date: '2026-01-01' },
};

function datasetArn(instanceId, namespace, dataset) {
  return `arn:aws:scn:${emulator.region}:123456789012:instance/${instanceId}/namespaces/${namespace}/datasets/${dataset}`;
}

function send(params, client = scn) {
  return client.sendDataIntegrationEvent({ instanceId: INSTANCE, eventGroupId: 'group-1', ...params }).promise();
}

before(resetEmulators);

describe('SendDataIntegrationEvent, then GetDataIntegrationEvent (aws-sdk v2)', () => {
  for (const [eventType, record] of Object.entries(RECORDS)) {
    test(`${eventType}: sent, stored and read back`, async () => {
      const eventTimestamp = new Date(Date.UTC(2026, 0, 12, 8, 30, 15, 250));
      const instanceId = uuid(random);
      const sent = await send({ instanceId, eventType, data: JSON.stringify([record, record]), eventGroupId: `${eventType}-1`, eventTimestamp });
      assert.match(sent.eventId, /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
      const { event } = await scn.getDataIntegrationEvent({ instanceId, eventId: sent.eventId }).promise();
      assert.equal(event.instanceId, instanceId);
      assert.equal(event.eventId, sent.eventId);
      assert.equal(event.eventType, eventType);
      assert.equal(event.eventGroupId, `${eventType}-1`);
      assert.equal(event.eventTimestamp.getTime(), eventTimestamp.getTime());
      assert.equal(event.datasetTargetDetails, undefined);
    });
  }

  for (const operationType of ['APPEND', 'UPSERT', 'DELETE']) {
    test(`scn.data.dataset with datasetTarget ${operationType}: the target and its load status read back`, async () => {
      const instanceId = uuid(random);
      const datasetIdentifier = datasetArn(instanceId, 'default', 'orders');
      const sent = await send({ instanceId, eventType: 'scn.data.dataset', data: '{"order_id":"o-1","qty":2}',
        datasetTarget: { datasetIdentifier, operationType } });
      const { event } = await scn.getDataIntegrationEvent({ instanceId, eventId: sent.eventId }).promise();
      assert.equal(event.eventType, 'scn.data.dataset');
      assert.deepEqual(event.datasetTargetDetails, { datasetIdentifier, operationType,
        datasetLoadExecution: { status: 'SUCCEEDED' } });
      assert.ok(event.eventTimestamp instanceof Date, 'the time received stands in for a missing eventTimestamp');
    });
  }

  test('a data of 1,048,576 characters, 1,048,567 of them astral, sent as raw UTF-8, is accepted', async () => {
    const data = '{"ab":"' + '\u{1F600}'.repeat(1_048_567) + '"}';
    assert.equal([...data].length, 1_048_576);
    const sent = await send({ eventType: 'scn.data.inboundorder', data });
    assert.ok(sent.eventId);
  });
});

describe('client tokens (aws-sdk v2)', () => {
  test('the same clientToken and payload is replayed: the first eventId, stored once', async () => {
    const clientToken = 'js-v2-token-' + uuid(random);
    const params = { eventType: 'scn.data.inboundorder', data: JSON.stringify(RECORDS['scn.data.inboundorder']), clientToken };
    const before = (await inspect('/scn/counts')).idempotentReplays;
    const first = await send(params);
    const again = await send(params);
    assert.equal(again.eventId, first.eventId);
    assert.equal((await inspect('/scn/counts')).idempotentReplays, before + 1);
    const stored = await inspect(`/scn/events?instanceId=${INSTANCE}&eventType=scn.data.inboundorder&eventGroupId=group-1`);
    assert.equal(stored.events.filter((e) => e.eventId === first.eventId).length, 1);
  });

  test('the same clientToken with another payload is ConflictException 409', async () => {
    const clientToken = 'js-v2-token-' + uuid(random);
    await send({ eventType: 'scn.data.inboundorder', data: '{"id":"a"}', clientToken });
    await rejectsWith(() => send({ eventType: 'scn.data.inboundorder', data: '{"id":"b"}', clientToken }),
      { status: 409, type: 'ConflictException', message: new RegExp(`The clientToken ${clientToken} was already used`) });
  });

  test('sends without a clientToken are distinct events', async () => {
    const params = { eventType: 'scn.data.inboundorder', data: '{"id":"same"}' };
    const [a, b] = [await send(params), await send(params)];
    assert.notEqual(a.eventId, b.eventId);
  });
});

describe('ListDataIntegrationEvents (aws-sdk v2)', () => {
  test('pages in receipt order with maxResults and nextToken, and filters by eventType', async () => {
    const instanceId = uuid(random);
    const sent = [];
    for (let i = 0; i < 23; i++) {
      const eventType = i % 3 === 0 ? 'scn.data.shipment' : 'scn.data.inboundorder';
      sent.push({ eventType, eventId: (await send({ instanceId, eventType, data: `{"id":"e${i}"}`, eventGroupId: `g${i}` })).eventId });
    }
    const listed = [];
    const pageSizes = [];
    let nextToken;
    do {
      const page = await scn.listDataIntegrationEvents({ instanceId, maxResults: 10, nextToken }).promise();
      pageSizes.push(page.events.length);
      listed.push(...page.events.map((e) => e.eventId));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(pageSizes, [10, 10, 3]);
    assert.deepEqual(listed, sent.map((e) => e.eventId));

    const shipments = await scn.listDataIntegrationEvents({ instanceId, eventType: 'scn.data.shipment', maxResults: 20 }).promise();
    assert.deepEqual(shipments.events.map((e) => e.eventId), sent.filter((e) => e.eventType === 'scn.data.shipment').map((e) => e.eventId));
    assert.equal(shipments.nextToken, undefined);
    const firstPage = await scn.listDataIntegrationEvents({ instanceId }).promise();
    assert.equal(firstPage.events.length, 10, 'maxResults defaults to 10');
  });
});

describe('validation errors: status 400 and the error type parsed (aws-sdk v2)', () => {
  const UUID_PATTERN = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';
  const cases = [
    ['an unknown eventType', { eventType: 'scn.data.nope', data: '{}' },
      /^1 validation error detected: Value 'scn\.data\.nope' at 'eventType' failed to satisfy constraint: Member must satisfy enum value set: \[/],
    ['a missing eventType', { data: '{}' },
      "1 validation error detected: Value null at 'eventType' failed to satisfy constraint: Member must not be null"],
    ['an empty data', { eventType: 'scn.data.inboundorder', data: '' },
      /at 'data' failed to satisfy constraint: Member must have length greater than or equal to 1/],
    ['a data over 1,048,576 characters', { eventType: 'scn.data.inboundorder', data: '{"x":"' + 'y'.repeat(1_048_576) + '"}' },
      /at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576/],
    ['a data that is not a JSON object or array', { eventType: 'scn.data.inboundorder', data: '"text"' }, /data/],
    ['a data with connection_id', { eventType: 'scn.data.inboundorder', data: '{"id":"o","connection_id":"c"}' }, /connection_id/],
    ['an eventGroupId of 256 characters', { eventType: 'scn.data.inboundorder', data: '{}', eventGroupId: 'g'.repeat(256) },
      /at 'eventGroupId' failed to satisfy constraint: Member must have length less than or equal to 255/],
    ['an empty eventGroupId', { eventType: 'scn.data.inboundorder', data: '{}', eventGroupId: '' },
      /at 'eventGroupId' failed to satisfy constraint: Member must have length greater than or equal to 1/],
    ['a clientToken of 32 characters', { eventType: 'scn.data.inboundorder', data: '{}', clientToken: 't'.repeat(32) },
      /at 'clientToken' failed to satisfy constraint: Member must have length greater than or equal to 33/],
    ['a clientToken of 127 characters', { eventType: 'scn.data.inboundorder', data: '{}', clientToken: 't'.repeat(127) },
      /at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 126/],
    ['an upper-case instanceId', { instanceId: INSTANCE.toUpperCase(), eventType: 'scn.data.inboundorder', data: '{}' },
      `1 validation error detected: Value '${INSTANCE.toUpperCase()}' at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${UUID_PATTERN}`],
    ['a dataset event without datasetTarget', { eventType: 'scn.data.dataset', data: '{}' }, /datasetTarget is required/],
    ['a datasetIdentifier outside the ARN pattern', { eventType: 'scn.data.dataset', data: '{}',
      datasetTarget: { datasetIdentifier: 'arn:aws:s3:::not-a-dataset', operationType: 'APPEND' } },
      /at 'datasetTarget\.datasetIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws:scn:/],
    ['an unknown operationType', { eventType: 'scn.data.dataset', data: '{}',
      datasetTarget: { datasetIdentifier: datasetArn(INSTANCE, 'default', 'd'), operationType: 'MERGE' } },
      /at 'datasetTarget\.operationType' failed to satisfy constraint: Member must satisfy enum value set: \[APPEND, DELETE, UPSERT\]/],
    ['connection_id in a record for an asc dataset', { eventType: 'scn.data.dataset', data: '{"connection_id":"c"}',
      datasetTarget: { datasetIdentifier: datasetArn(INSTANCE, 'asc', 'inbound_order'), operationType: 'UPSERT' } }, /connection_id/],
    ['two violations at once', { eventType: 'scn.data.nope', data: '{}', eventGroupId: '' }, /^2 validation errors detected: /],
  ];
  for (const [name, params, message] of cases) {
    test(`${name} is ValidationException 400`, async () => {
      await rejectsWith(() => send(params), { status: 400, type: 'ValidationException', message });
    });
  }

  test('the ^…$ anchors of our matcher are never quoted', async () => {
    const error = await rejectsWith(() => send({ instanceId: 'x', eventType: 'scn.data.inboundorder', data: '{}' }),
      { status: 400, type: 'ValidationException' });
    assert.doesNotMatch(error.message, /pattern: \^|\$$/);
  });

  test('GetDataIntegrationEvent with an eventId outside the UUID pattern is ValidationException 400', async () => {
    await rejectsWith(() => scn.getDataIntegrationEvent({ instanceId: INSTANCE, eventId: 'no-such-event' }).promise(),
      { status: 400, type: 'ValidationException', message:
        `1 validation error detected: Value 'no-such-event' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${UUID_PATTERN}` });
  });

  test('GetDataIntegrationEvent of an unknown event is ResourceNotFoundException 404', async () => {
    await rejectsWith(() => scn.getDataIntegrationEvent({ instanceId: INSTANCE, eventId: uuid(random) }).promise(),
      { status: 404, type: 'ResourceNotFoundException' });
  });

  test('ListDataIntegrationEvents with maxResults 21 is ValidationException 400', async () => {
    await rejectsWith(() => scn.listDataIntegrationEvents({ instanceId: INSTANCE, maxResults: 21 }).promise(),
      { status: 400, type: 'ValidationException', message: /at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 20/ });
  });

  test('ListDataIntegrationEvents with a foreign nextToken is ValidationException 400', async () => {
    await rejectsWith(() => scn.listDataIntegrationEvents({ instanceId: INSTANCE, nextToken: 'bm90LW91cnM' }).promise(),
      { status: 400, type: 'ValidationException' });
  });
});

describe('signatures and clocks (aws-sdk v2)', () => {
  test('a wrong secret key is InvalidSignatureException 403', async () => {
    const wrong = supplyChain({ credentials: new AWS.Credentials(emulator.accessKeyId, 'not-the-secret') });
    await rejectsWith(() => send({ eventType: 'scn.data.inboundorder', data: '{}' }, wrong),
      { status: 403, type: 'InvalidSignatureException', message: /The request signature we calculated does not match/ });
  });

  test('an unknown access key is AccessDeniedException 403', async () => {
    const unknown = supplyChain({ credentials: new AWS.Credentials('AKIAUNKNOWN000000000', emulator.secretAccessKey) });
    await rejectsWith(() => send({ eventType: 'scn.data.inboundorder', data: '{}' }, unknown),
      { status: 403, type: 'AccessDeniedException' });
  });

  test('a client clock one hour behind fails with Signature expired without correctClockSkew', async () => {
    const skewed = supplyChain({ endpoint: emulator.skewedEndpoint });
    await rejectsWith(() => send({ eventType: 'scn.data.inboundorder', data: '{}' }, skewed),
      { status: 403, type: 'InvalidSignatureException', message: /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/ });
  });

  test('a client clock one hour behind succeeds with correctClockSkew: the SDK corrects from the Date header', async () => {
    const skewed = supplyChain({ endpoint: emulator.skewedEndpoint, correctClockSkew: true, maxRetries: 3 });
    const sent = await send({ eventType: 'scn.data.inboundorder', data: '{"id":"late"}' }, skewed);
    assert.ok(sent.eventId);
    assert.ok(Math.abs(skewed.config.systemClockOffset - 3_600_000) < 60_000, `offset ${skewed.config.systemClockOffset}`);
    const { event } = await skewed.getDataIntegrationEvent({ instanceId: INSTANCE, eventId: sent.eventId }).promise();
    assert.equal(event.eventId, sent.eventId);
  });
});

describe('datasets and their loads (aws-sdk v2)', () => {
  const schema = {
    name: 'Orders',
    fields: [
      { name: 'order_id', type: 'STRING', isRequired: true },
      { name: 'qty', type: 'INT', isRequired: true },
      { name: 'total', type: 'LONG', isRequired: false },
      { name: 'at', type: 'TIMESTAMP', isRequired: false },
    ],
    primaryKeys: [{ name: 'order_id' }],
  };

  async function sendToDataset(instanceId, name, data) {
    return (await send({ instanceId, eventType: 'scn.data.dataset', data,
      datasetTarget: { datasetIdentifier: datasetArn(instanceId, 'default', name), operationType: 'UPSERT' } })).eventId;
  }

  async function loadOf(instanceId, eventId) {
    return (await scn.getDataIntegrationEvent({ instanceId, eventId }).promise()).event.datasetTargetDetails.datasetLoadExecution;
  }

  test('CreateDataLakeDataset then GetDataLakeDataset return the dataset as the model shapes it', async () => {
    const instanceId = uuid(random);
    const { dataset } = await scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'orders', schema,
      description: 'orders' }).promise();
    assert.equal(dataset.arn, datasetArn(instanceId, 'default', 'orders'));
    assert.deepEqual(dataset.schema, schema);
    assert.ok(dataset.createdTime instanceof Date);
    const read = await scn.getDataLakeDataset({ instanceId, namespace: 'default', name: 'orders' }).promise();
    assert.deepEqual(read.dataset, dataset);
    await rejectsWith(() => scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'orders', schema }).promise(),
      { status: 409, type: 'ConflictException' });
    await rejectsWith(() => scn.getDataLakeDataset({ instanceId, namespace: 'default', name: 'nope' }).promise(),
      { status: 404, type: 'ResourceNotFoundException' });
    await rejectsWith(() => scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'no_schema' }).promise(),
      { status: 400, type: 'ValidationException', message: /at 'schema' failed to satisfy constraint: Member must not be null/ });
    await rejectsWith(() => scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'bad_type',
      schema: { name: 'X', fields: [{ name: 'a', type: 'BOOLEAN', isRequired: true }] } }).promise(),
      { status: 400, type: 'ValidationException', message: /Member must satisfy enum value set/ });
  });

  test('a load is IN_PROGRESS, then SUCCEEDED, or FAILED with a message when the records do not match', async () => {
    const instanceId = uuid(random);
    await scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'orders', schema }).promise();
    await inspect('/settings', { method: 'POST', body: { datasetLoadDelayMillis: 3_600_000 } });
    try {
      const good = await sendToDataset(instanceId, 'orders', '[{"order_id":"o-1","qty":2,"total":"9000000000","at":"2024-01-31 08:15:00"}]');
      const bad = await sendToDataset(instanceId, 'orders', '{"order_id":"o-2","qty":"two"}');
      assert.deepEqual(await loadOf(instanceId, good), { status: 'IN_PROGRESS' });
      assert.equal((await inspect('/scn/loads/complete', { method: 'POST' })).completed, 2);
      assert.deepEqual(await loadOf(instanceId, good), { status: 'SUCCEEDED' });
      const failed = await loadOf(instanceId, bad);
      assert.equal(failed.status, 'FAILED');
      assert.match(failed.message, /record 0: the value of column qty \(a string\) cannot be cast to INT/);
      const listed = await scn.listDataIntegrationEvents({ instanceId }).promise();
      assert.deepEqual(listed.events.map((e) => e.datasetTargetDetails.datasetLoadExecution.status), ['SUCCEEDED', 'FAILED']);
    } finally {
      await inspect('/settings', { method: 'POST', body: { datasetLoadDelayMillis: 0 } });
    }
  });

  test('the load fault fails loads on demand', async () => {
    const instanceId = uuid(random);
    await scn.createDataLakeDataset({ instanceId, namespace: 'default', name: 'orders', schema }).promise();
    await inspect('/settings', { method: 'POST', body: { failDatasetLoads: { count: 1, message: 'Schema drift' } } });
    const failed = await sendToDataset(instanceId, 'orders', '{"order_id":"o-1","qty":1}');
    const loaded = await sendToDataset(instanceId, 'orders', '{"order_id":"o-2","qty":1}');
    assert.deepEqual(await loadOf(instanceId, failed), { status: 'FAILED', message: 'Schema drift' });
    assert.deepEqual(await loadOf(instanceId, loaded), { status: 'SUCCEEDED' });
  });

  test('ListDataIntegrationEvents checks the length of nextToken (1 to 65,535)', async () => {
    await rejectsWith(() => scn.listDataIntegrationEvents({ instanceId: INSTANCE, nextToken: 'x'.repeat(65_536) }).promise(),
      { status: 400, type: 'ValidationException', message: /at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 65535/ });
    await rejectsWith(() => scn.listDataIntegrationEvents({ instanceId: INSTANCE, nextToken: 'x'.repeat(65_535) }).promise(),
      { status: 400, type: 'ValidationException', message: /The nextToken is invalid/ });
  });
});
