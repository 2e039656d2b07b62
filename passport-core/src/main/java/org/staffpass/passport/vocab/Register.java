package org.staffpass.passport.vocab;

/**
 * The professional regulators whose registers a passport can attest. Their number formats and
 * renewal periods are data ({@link RegisterDefinition}, file {@code registers.json}).
 *
 * @since 0.1
 */
public enum Register {
    /** General Medical Council (doctors). */
    GMC,
    /** Nursing and Midwifery Council (nurses, midwives, nursing associates). */
    NMC,
    /** Health and Care Professions Council (allied health professions, paramedics ...). */
    HCPC,
    /** General Pharmaceutical Council (pharmacists, pharmacy technicians). */
    GPHC
}
