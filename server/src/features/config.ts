// Re-reads the settings when they change: the editor settings (workspace/didChangeConfiguration)
// or a watched file (`.disclosure-report.json`, a template it names). Which settings apply to a
// document is the SettingsResolver's (../settings.ts).
import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { guardListener } from '../guard';
import { SETTINGS_SECTION } from '../protocol';

/** Re-reads settings when the editor settings or a `.disclosure-report.json` change. */
export const configFeature: Feature = {
  name: 'config',
  register(ctx: ServerContext) {
    const { connection } = ctx;
    connection.onDidChangeConfiguration(
      guardListener(connection, 'didChangeConfiguration', (params) => ctx.invalidateSettings(params.settings)),
    );
    connection.onDidChangeWatchedFiles(guardListener(connection, 'didChangeWatchedFiles', () => ctx.invalidateSettings()));
  },
  initialized(ctx: ServerContext) {
    if (ctx.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  },
};
