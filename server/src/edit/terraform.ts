// Terraform writer: pending the Terraform front end (server/src/parse/terraform) and its azurerm mapping.
import type { ParsedDocument } from '../model/document';
import { CannotWrite, type DocumentWriter, type FixSession } from './session';

export function createTerraformWriter(
  _document: ParsedDocument,
  _session: FixSession,
  _documents: (uri: string) => ParsedDocument | undefined,
): DocumentWriter {
  throw new CannotWrite('Terraform edits are not available yet');
}
