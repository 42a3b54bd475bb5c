// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;

/** An editable participant other than the suspect (interrogators, recorder, adult, interpreter, lawyer). */
public final class ParticipantRow {
    private final String id;
    private final ObjectProperty<ParticipantRole> role = new SimpleObjectProperty<>(ParticipantRole.INTERROGATOR);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final StringProperty organisation = new SimpleStringProperty("");
    private final ObjectProperty<Participant.LawyerKind> lawyerKind = new SimpleObjectProperty<>();

    public ParticipantRow(String id, ParticipantRole role, String name, Sex sex, String organisation,
                          Participant.LawyerKind lawyerKind) {
        this.id = id;
        this.role.set(role);
        this.name.set(name == null ? "" : name);
        this.sex.set(sex);
        this.organisation.set(organisation == null ? "" : organisation);
        this.lawyerKind.set(lawyerKind);
    }

    public static ParticipantRow of(Participant p) {
        return new ParticipantRow(p.id(), p.role(), p.name(), p.sex(), p.organisation(), p.lawyerKind());
    }

    public Participant toParticipant() {
        return new Participant(id, role.get(), name.get(), sex.get(), blankToNull(organisation.get()), null, null, null,
                null, null, null, null, null, null, null, false,
                role.get() == ParticipantRole.LAWYER ? lawyerKind.get() : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObjectProperty<ParticipantRole> roleProperty() {
        return role;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public ObjectProperty<Participant.LawyerKind> lawyerKindProperty() {
        return lawyerKind;
    }
}
