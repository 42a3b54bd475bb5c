// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void keepsTriggerBodiesWhole() {
        String script = "-- c\nCREATE TABLE a(x);\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN SELECT 1; SELECT 2; END;\n"
                + "CREATE INDEX i ON a(x);\n";
        assertThat(SqlScript.split(script)).hasSize(3).element(1).asString().contains("SELECT 2; END;");
    }

    @Test
    void rejectsUnterminatedStatement() {
        assertThatThrownBy(() -> SqlScript.split("CREATE TABLE a(x)")).hasMessageContaining("ends without ';'");
    }
}
