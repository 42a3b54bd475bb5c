// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;

/** The case form: case data, the suspect's identity, and the participants with their roles. */
public final class CaseEditorView extends VBox {
    private final CaseEditorViewModel vm;
    private final I18n i18n;
    private final VBox participantRows = new VBox(6);

    public CaseEditorView(I18n i18n, CaseEditorViewModel vm) {
        this.vm = vm;
        this.i18n = i18n;
        setSpacing(14);
        setPadding(new Insets(16));
        var errors = vm.errors();

        GridPane caseGrid = grid();
        caseGrid.add(Forms.field(i18n, "case.number", text("caseNumber", vm.caseNumberProperty()), errors, "caseNumber"), 0, 0);
        caseGrid.add(Forms.field(i18n, "case.cause", text("causeOfAction", vm.causeOfActionProperty()), errors,
                "causeOfAction"), 1, 0);

        GridPane suspect = grid();
        ComboBox<Sex> sex = new ComboBox<>(FXCollections.observableArrayList(Sex.values()));
        sex.setId("suspectSex");
        sex.valueProperty().bindBidirectional(vm.sexProperty());
        Forms.localize(i18n, sex, "sex.");
        sex.setMaxWidth(Double.MAX_VALUE);
        DatePicker dob = new DatePicker();
        dob.setId("suspectDob");
        dob.valueProperty().bindBidirectional(vm.dateOfBirthProperty());
        dob.setMaxWidth(Double.MAX_VALUE);
        dob.promptTextProperty().bind(i18n.bind("suspect.dateOfBirth.prompt"));
        // Typed or picked from the calendar; shown as the reader writes dates (2026年3月5日 / 2026-03-05).
        dob.setConverter(dateConverter(i18n));
        i18n.localeProperty().addListener((o, a, b) -> dob.setConverter(dateConverter(i18n)));
        int r = 0;
        suspect.add(Forms.field(i18n, "suspect.name", text("suspectName", vm.suspectNameProperty()), errors, "suspect.name"), 0, r);
        suspect.add(Forms.field(i18n, "suspect.aliases", text("suspectAliases", vm.aliasesProperty()), errors, "suspect.aliases"), 1, r);
        suspect.add(Forms.field(i18n, "suspect.sex", sex, errors, "suspect.sex"), 2, r++);
        suspect.add(Forms.field(i18n, "suspect.dateOfBirth", dob, errors, "suspect.dateOfBirth"), 0, r);
        suspect.add(Forms.field(i18n, "suspect.idNumber", text("suspectIdNumber", vm.idNumberProperty()), errors, "suspect.idNumber"), 1, r);
        suspect.add(Forms.field(i18n, "suspect.ethnicity", text("suspectEthnicity", vm.ethnicityProperty()), errors, "suspect.ethnicity"), 2, r++);
        suspect.add(Forms.field(i18n, "suspect.education", text("suspectEducation", vm.educationProperty()), errors, "suspect.education"), 0, r);
        suspect.add(Forms.field(i18n, "suspect.occupation", text("suspectOccupation", vm.occupationProperty()), errors, "suspect.occupation"), 1, r);
        suspect.add(Forms.field(i18n, "suspect.household", text("suspectHousehold", vm.householdRegistrationProperty()), errors, "suspect.household"), 2, r++);
        var residence = Forms.field(i18n, "suspect.residence", text("suspectResidence", vm.residenceProperty()), errors, "suspect.residence");
        suspect.add(residence, 0, r, 2, 1);
        suspect.add(Forms.field(i18n, "suspect.priorPenalties", text("suspectPrior", vm.priorPenaltiesProperty()), errors, "suspect.priorPenalties"), 2, r++);
        CheckBox interpreter = new CheckBox();
        interpreter.setId("suspectNeedsInterpreter");
        interpreter.textProperty().bind(i18n.bind("suspect.needsInterpreter"));
        interpreter.setWrapText(true);
        interpreter.selectedProperty().bindBidirectional(vm.needsInterpreterProperty());
        TextField language = text("suspectLanguage", vm.languageProperty());
        language.disableProperty().bind(vm.needsInterpreterProperty().not());
        VBox interpreterBox = new VBox(3, new Label(" "), interpreter);
        suspect.add(interpreterBox, 0, r);
        suspect.add(Forms.field(i18n, "suspect.language", language, errors, "suspect.language"), 1, r);

        MenuButton add = new MenuButton();
        add.setId("addParticipant");
        add.setGraphic(new FontIcon(Material2MZ.PERSON_ADD));
        add.textProperty().bind(i18n.bind("participants.add"));
        for (ParticipantRole role : ParticipantRole.values()) {
            if (role == ParticipantRole.SUSPECT) {
                continue;
            }
            MenuItem item = new MenuItem();
            item.setId("add-" + role.name());
            item.textProperty().bind(i18n.bind("participantRole." + role.name()));
            item.setOnAction(e -> vm.addParticipant(role));
            add.getItems().add(item);
        }
        vm.participants().addListener((ListChangeListener<ParticipantRow>) c -> rebuildRows());
        rebuildRows();

        Label formError = Forms.errorLabel(errors, "form");
        getChildren().addAll(section("section.case", caseGrid), section("section.suspect", suspect),
                section("section.participants", new VBox(8, participantRows,
                        Forms.errorLabel(errors, CaseEditorViewModel.PARTICIPANTS), add)), formError);
    }

    /** Dates as the reader writes them; typing either form is understood. */
    static javafx.util.StringConverter<java.time.LocalDate> dateConverter(I18n i18n) {
        java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern(
                i18n.text("date.pattern"));
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate d) {
                return d == null ? "" : shown.format(d);
            }

            @Override
            public java.time.LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                String t = s.strip();
                try {
                    return java.time.LocalDate.parse(t, shown);
                } catch (java.time.format.DateTimeParseException e) {
                    return java.time.LocalDate.parse(t.replace('/', '-').replace('.', '-'),
                            java.time.format.DateTimeFormatter.ofPattern("yyyy-M-d"));
                }
            }
        };
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(8);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 3);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
        }
        return g;
    }

    private VBox section(String titleKey, javafx.scene.Node content) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, content);
        box.getStyleClass().add(Styles.FORM_SECTION);
        return box;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private void rebuildRows() {
        participantRows.getChildren().clear();
        int index = 0;
        for (ParticipantRow row : vm.participants()) {
            participantRows.getChildren().add(rowEditor(row, index++));
        }
    }

    private HBox rowEditor(ParticipantRow row, int index) {
        ComboBox<ParticipantRole> role = new ComboBox<>(FXCollections.observableArrayList(ParticipantRole.values())
                .filtered(x -> x != ParticipantRole.SUSPECT));
        role.setId("participantRole-" + index);
        role.valueProperty().bindBidirectional(row.roleProperty());
        Forms.localize(i18n, role, "participantRole.");
        role.setPrefWidth(170);
        role.setMinWidth(150);
        TextField name = new TextField();
        name.setId("participantName-" + index);
        name.promptTextProperty().bind(i18n.bind("participant.name"));
        name.textProperty().bindBidirectional(row.nameProperty());
        ComboBox<Sex> sex = new ComboBox<>(FXCollections.observableArrayList(Sex.values()));
        sex.setId("participantSex-" + index);
        sex.valueProperty().bindBidirectional(row.sexProperty());
        Forms.localize(i18n, sex, "sex.");
        sex.promptTextProperty().bind(i18n.bind("participant.sex"));
        sex.setPrefWidth(110);
        sex.setMinWidth(100);
        TextField org = new TextField();
        org.setId("participantOrg-" + index);
        org.promptTextProperty().bind(i18n.bind("participant.organisation"));
        org.textProperty().bindBidirectional(row.organisationProperty());
        ComboBox<Participant.LawyerKind> lawyer = new ComboBox<>(
                FXCollections.observableArrayList(Participant.LawyerKind.values()));
        lawyer.valueProperty().bindBidirectional(row.lawyerKindProperty());
        Forms.localize(i18n, lawyer, "lawyerKind.");
        lawyer.visibleProperty().bind(Bindings.equal(row.roleProperty(), ParticipantRole.LAWYER));
        lawyer.managedProperty().bind(lawyer.visibleProperty());
        lawyer.setPrefWidth(120);
        Button remove = new Button();
        remove.setId("participantRemove-" + index);
        remove.setGraphic(new FontIcon(Material2AL.DELETE));
        remove.setTooltip(new Tooltip());
        remove.getTooltip().textProperty().bind(i18n.bind("participants.remove"));
        remove.setOnAction(e -> vm.participants().remove(row));
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(org, Priority.ALWAYS);
        HBox box = new HBox(8, role, name, sex, org, lawyer, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
