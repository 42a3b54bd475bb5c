// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealerTest {
    @Test
    void committedFrozenSampleIsPdfA3b() throws Exception {
        assertThat(PdfaCheck.failures(EvidenceFixtures.get().frozen)).isEmpty();
    }

    @Test
    void sealedRecordIsPdfA3b() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        f.write("sealed.pdf", f.sealed.sealedPdf());
        f.sealed.revisions().forEach(r -> System.out.println(r));
        assertThat(PdfaCheck.failures(f.sealed.sealedPdf())).isEmpty();
    }
}
