// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.pki.InstitutionKeyStore;
import java.time.LocalDate;
import java.util.List;
import org.tixun.core.services.CoreServices;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.ChineseIdNumber;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.Role;

/** Fills a demo data dir with users, an institution and sample cases (all fictional). */
public final class DemoData {
    /** Password of every demo user; shown on the demo login screen. */
    public static final String PASSWORD = "tixun-demo";
    /** Kiosk exit PIN in the demo. */
    public static final String KIOSK_PIN = "246810";
    public static final String INSTITUTION = "演示市演示区人民检察院";
    /** Passphrase of the demo keystore (demo data only; real keystores get the setup passphrase). */
    public static final String KEYSTORE_PASSPHRASE = "tixun-demo-keystore";

    /** Demo users: user name, display name, role. */
    public static final List<String[]> USERS = List.of(
            new String[] {"admin", "系统管理员", "ADMINISTRATOR"},
            new String[] {"zhangwei", "张伟", "PROSECUTOR"},
            new String[] {"wangfang", "王芳", "RECORDER"},
            new String[] {"liuqiang", "刘强", "TERMINAL_OFFICER"},
            new String[] {"chenjing", "陈静", "CLERK"});

    private DemoData() {
    }

    /** Idempotent: adds whatever of the demo set is missing. */
    public static void ensure(CoreServices core, PasswordHasher kioskHasher) {
        Settings settings = core.settings();
        settings.put(Settings.DEMO, "true");
        if (settings.get(Settings.INSTITUTION).isEmpty()) {
            settings.put(Settings.INSTITUTION, INSTITUTION);
        }
        if (settings.get(Settings.KIOSK_PIN).isEmpty()) {
            settings.put(Settings.KIOSK_PIN, kioskHasher.hash(KIOSK_PIN.toCharArray()));
        }
        for (String[] u : USERS) {
            if (core.users().find(u[0]).isEmpty()) {
                core.users().add("demo", u[0], u[1], Role.valueOf(u[2]), PASSWORD.toCharArray());
            }
        }
        if (core.cases().search("", 1).isEmpty()) {
            CaseFile theft = core.cases().save("demo", new CaseFile(null, "演检刑诉〔2026〕1017号", "盗窃", List.of(
                    suspect("李建国", LocalDate.of(1986, 4, 12), Sex.MALE, "110105", "汉族", "初中", "无业",
                            "河北省保定市某县", "演示市演示区幸福路12号", "2019年因盗窃被判处有期徒刑一年", false, null),
                    Participant.person(ParticipantRole.INTERROGATOR, "张伟", Sex.MALE, INSTITUTION),
                    Participant.person(ParticipantRole.INTERROGATOR, "赵磊", Sex.MALE, INSTITUTION),
                    Participant.person(ParticipantRole.RECORDER, "王芳", Sex.FEMALE, INSTITUTION)), null, null));
            core.records().createDraft("demo", theft, "INTERROGATION_RECORD", "讯问笔录（第1次）");
            core.records().createDraft("demo", theft, "RIGHTS_NOTICE", "犯罪嫌疑人诉讼权利义务告知书");
            core.cases().save("demo", new CaseFile(null, "演检未检〔2026〕203号", "寻衅滋事", List.of(
                    suspect("周小雨", LocalDate.of(2010, 9, 3), Sex.FEMALE, "110108", "汉族", "初中在读", "学生",
                            "演示市演示区", "演示市演示区明德里5号", "无", false, null),
                    Participant.person(ParticipantRole.APPROPRIATE_ADULT, "周建华", Sex.MALE, "周小雨之父"),
                    Participant.person(ParticipantRole.INTERROGATOR, "孙丽", Sex.FEMALE, INSTITUTION),
                    Participant.person(ParticipantRole.RECORDER, "王芳", Sex.FEMALE, INSTITUTION)), null, null));
            core.cases().save("demo", new CaseFile(null, "演检刑诉〔2026〕1102号", "诈骗", List.of(
                    suspect("艾力·买买提", LocalDate.of(1979, 1, 28), Sex.MALE, "650102", "维吾尔族", "高中", "个体经营",
                            "新疆乌鲁木齐市", "演示市演示区光明街88号", "无", true, "维吾尔语"),
                    Participant.person(ParticipantRole.INTERPRETER, "阿依古丽", Sex.FEMALE, "演示市翻译协会"),
                    Participant.person(ParticipantRole.LAWYER, "黄明", Sex.MALE, "演示市法律援助中心"),
                    Participant.person(ParticipantRole.INTERROGATOR, "张伟", Sex.MALE, INSTITUTION),
                    Participant.person(ParticipantRole.RECORDER, "王芳", Sex.FEMALE, INSTITUTION)), null, null));
        }
    }

    /** Opens the demo keystore, creating it on first use. */
    public static org.tixun.core.pki.InstitutionKeyStore keys(CoreServices core) {
        java.nio.file.Path p12 = core.dataDir().keystore();
        try {
            var keys = java.nio.file.Files.exists(p12)
                    ? org.tixun.core.pki.InstitutionKeyStore.open(p12, KEYSTORE_PASSPHRASE.toCharArray())
                    : org.tixun.core.pki.InstitutionKeyStore.create(p12, KEYSTORE_PASSPHRASE.toCharArray(), INSTITUTION);
            if (!java.nio.file.Files.exists(core.dataDir().rootCertificate())) {
                org.tixun.core.setup.TrustAnchors.publish(core.dataDir(), keys);
            }
            return keys;
        } catch (java.io.IOException e) {
            throw new org.tixun.core.TixunException(org.tixun.core.TixunException.Exit.KEYSTORE,
                    "Cannot open the demo keystore " + p12 + ": " + e.getMessage(), e);
        }
    }

    private static Participant suspect(String name, LocalDate dob, Sex sex, String region, String ethnicity,
                                       String education, String occupation, String household, String residence,
                                       String prior, boolean interpreter, String language) {
        String first17 = region + dob.toString().replace("-", "") + "03" + (sex == Sex.MALE ? "1" : "2");
        String id = first17 + ChineseIdNumber.checkDigit(first17);
        return new Participant(null, ParticipantRole.SUSPECT, name, sex, null, null, dob, id, ethnicity, education,
                occupation, household, residence, prior, language, interpreter, null);
    }
}
