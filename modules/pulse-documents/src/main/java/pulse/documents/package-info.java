/**
 * The documents a county office hands out, made from a closed period's snapshot and nothing else:
 * pure functions, a {@link pulse.model.PeriodSnapshot} in, the bytes of a file out, tested without a
 * server. {@link pulse.documents.BulletinDocx} writes the bulletin (通报) as Word,
 * {@link pulse.documents.BulletinXlsx} the same as sheets; {@link pulse.documents.BulletinText} holds
 * the wording both use.
 */
package pulse.documents;
