import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the database settings', () => {
  it('take the pool size from GREENMFG_DATABASE_POOL_SIZE, 10 by default', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ GREENMFG_DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
  });

  it.each(['0', '2.5', 'many', '-3'])('refuse the pool size "%s", naming the variable', (size) => {
    expect(() => loadConfig({ GREENMFG_DATABASE_POOL_SIZE: size })).toThrow(
      /GREENMFG_DATABASE_POOL_SIZE must be an integer from 1 to 1000/,
    );
  });
});

describe('the MQTT settings', () => {
  it('share the subscription over GREENMFG_MQTT_CONNECTIONS connections, 32 by default', () => {
    expect(loadConfig({}).mqttConnections).toBe(32);
    expect(loadConfig({ GREENMFG_MQTT_CONNECTIONS: '1' }).mqttConnections).toBe(1);
    expect(() => loadConfig({ GREENMFG_MQTT_CONNECTIONS: '257' })).toThrow(
      /GREENMFG_MQTT_CONNECTIONS must be an integer from 1 to 256, got "257"/,
    );
  });
});
