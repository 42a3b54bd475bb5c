// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.ChineseIdNumber;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;
import org.tixun.core.config.DataDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.users.PasswordHasher;

/** Test helpers: a core on a temp data dir with a cheap password hash, and valid sample cases. */
public final class TestCore {
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(1024, 1, 1);

    private TestCore() {
    }

    public static CoreServices open(Path dir) {
        return CoreServices.open(DataDir.at(dir), Clock.systemUTC(), FAST_HASHER);
    }

    /** An 18-digit ID number with a valid check digit for the given birth date and sex. */
    public static String idNumber(LocalDate dob, Sex sex) {
        String first17 = "110105" + dob.toString().replace("-", "") + "12" + (sex == Sex.MALE ? "3" : "4");
        return first17 + ChineseIdNumber.checkDigit(first17);
    }

    public static Participant suspect(String name, LocalDate dob, Sex sex) {
        return new Participant(null, ParticipantRole.SUSPECT, name, sex, null, null, dob, idNumber(dob, sex), "汉族",
                "高中", "无业", "北京市朝阳区", "北京市朝阳区某街道", "无", null, false, null);
    }

    public static CaseFile validCase(String number) {
        return new CaseFile(null, number, "盗窃", List.of(
                suspect("李某某", LocalDate.of(1990, 5, 17), Sex.MALE),
                Participant.person(ParticipantRole.INTERROGATOR, "张伟", Sex.MALE, "某区人民检察院"),
                Participant.person(ParticipantRole.RECORDER, "王芳", Sex.FEMALE, "某区人民检察院")), null, null);
    }
}
