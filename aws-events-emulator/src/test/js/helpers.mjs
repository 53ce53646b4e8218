// Shared by the JavaScript client suites: the emulator's coordinates (from the environment, set by
// JavaScriptClientsCompatibilityTest), the inspection API, a seeded generator and error assertions.
import assert from 'node:assert/strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this suite through JavaScriptClientsCompatibilityTest `
      + '(mvn -pl aws-events-emulator verify -Dtest=JavaScriptClientsCompatibilityTest)');
  }
  return value;
}

export const emulator = {
  endpoint: required('EMULATOR_ENDPOINT'),
  /** An emulator whose clock runs one hour ahead: to it, the client's clock is one hour behind. */
  skewedEndpoint: required('EMULATOR_SKEWED_ENDPOINT'),
  region: required('EMULATOR_REGION'),
  accessKeyId: required('EMULATOR_ACCESS_KEY'),
  secretAccessKey: required('EMULATOR_SECRET_KEY'),
};

export const INSTANCE = '8928ae12-15e5-4441-825d-ec2184f0a43a';
export const PARTNER_SOURCE = 'aws.partner/example.com/123456789012/orders';

/** The inspection API under /_emulator (never signed). */
export async function inspect(path, { method = 'GET', body, endpoint = emulator.endpoint } = {}) {
  const response = await fetch(endpoint + '/_emulator' + path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
  });
  assert.equal(response.status, 200, `${method} /_emulator${path}`);
  return response.json();
}

export async function resetEmulators() {
  await inspect('/reset', { method: 'POST' });
  await inspect('/reset', { method: 'POST', endpoint: emulator.skewedEndpoint });
}

/** mulberry32: a small seeded generator, so that every run sends the same data. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A lower-case UUID from the generator (the model's UUID pattern). */
export function uuid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Awaits a call that must fail and checks what the client parsed: the HTTP status and the error type
 * (v2: err.code and err.statusCode; v3: err.name and err.$metadata.httpStatusCode), and optionally the message.
 */
export async function rejectsWith(call, { status, type, message }) {
  let error;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected ${type} ${status}, but the call succeeded`);
  const parsedType = error.$metadata ? error.name : error.code;
  const parsedStatus = error.$metadata ? error.$metadata.httpStatusCode : error.statusCode;
  assert.equal(parsedType, type, `error type (message: ${error.message})`);
  assert.equal(parsedStatus, status, `HTTP status of ${parsedType}`);
  if (message instanceof RegExp) {
    assert.match(error.message, message);
  } else if (message !== undefined) {
    assert.equal(error.message, message);
  }
  return error;
}
