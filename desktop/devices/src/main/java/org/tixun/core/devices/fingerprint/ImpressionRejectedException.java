// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

/** The quality gate refused an impression (blank, partial or too light): the signer presses again. */
public final class ImpressionRejectedException extends FingerprintException {
    private static final long serialVersionUID = 1L;

    private final transient ImpressionQuality.Assessment assessment;

    ImpressionRejectedException(ImpressionQuality.Assessment assessment) {
        super(assessment.problem().message());
        this.assessment = assessment;
    }

    /** Why the impression was refused. */
    public ImpressionQuality.Problem problem() {
        return assessment.problem();
    }

    /** The figures the decision was made on. */
    public ImpressionQuality.Assessment assessment() {
        return assessment;
    }
}
