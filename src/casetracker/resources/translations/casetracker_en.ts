<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsWindow</name>
    <message numerus="yes">
        <source>%n survivor(s)</source>
        <translation>
            <numerusform>%n survivor</numerusform>
            <numerusform>%n survivors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case note(s)</source>
        <translation>
            <numerusform>%n case note</numerusform>
            <numerusform>%n case notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n scan</numerusform>
            <numerusform>%n scans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consent</numerusform>
            <numerusform>%n consents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n employer</numerusform>
            <numerusform>%n employers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s)</source>
        <translation>
            <numerusform>%n staff account</numerusform>
            <numerusform>%n staff accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entr(ies)</source>
        <translation>
            <numerusform>%n audit entry</numerusform>
            <numerusform>%n audit entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old.</source>
        <translation>
            <numerusform>The last backup is %n day old.</numerusform>
            <numerusform>The last backup is %n days old.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old: make one with Tools → Backups…</source>
        <translation>
            <numerusform>The last backup is %n day old: make one with Tools → Backups…</numerusform>
            <numerusform>The last backup is %n days old: make one with Tools → Backups…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckWindow</name>
    <message numerus="yes">
        <source>The database is damaged: %n problem(s) found. Stop using it, keep this laptop as it is, and restore the newest backup into a new file (Tools → Backups…).</source>
        <translation>
            <numerusform>The database is damaged: %n problem found. Stop using it, keep this laptop as it is, and restore the newest backup into a new file (Tools → Backups…).</numerusform>
            <numerusform>The database is damaged: %n problems found. Stop using it, keep this laptop as it is, and restore the newest backup into a new file (Tools → Backups…).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message numerus="yes">
        <source>{0}: {1} {2} in %n case(s)</source>
        <translation>
            <numerusform>{0}: {1} {2} in %n case</numerusform>
            <numerusform>{0}: {1} {2} in %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaptopsWindow</name>
    <message numerus="yes">
        <source>{0}; %n not yet sent</source>
        <translation>
            <numerusform>{0}; %n not yet sent</numerusform>
            <numerusform>{0}; %n not yet sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <source>Wait %n second(s)</source>
        <translation>
            <numerusform>Wait %n second</numerusform>
            <numerusform>Wait %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message numerus="yes">
        <source>%n hour(s) a week</source>
        <translation>
            <numerusform>%n hour a week</numerusform>
            <numerusform>%n hours a week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message numerus="yes">
        <source>Synced: sent %n change(s)</source>
        <translation>
            <numerusform>Synced: sent %n change</numerusform>
            <numerusform>Synced: sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, received %n change(s)</source>
        <translation>
            <numerusform>, received %n change</numerusform>
            <numerusform>, received %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n conflict(s) waiting</source>
        <translation>
            <numerusform>, %n conflict waiting</numerusform>
            <numerusform>, %n conflicts waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n bundle(s) refused (see casetracker sync)</source>
        <translation>
            <numerusform>; %n bundle refused (see casetracker sync)</numerusform>
            <numerusform>; %n bundles refused (see casetracker sync)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n bundle(s) waiting</source>
        <translation>
            <numerusform>; %n bundle waiting</numerusform>
            <numerusform>; %n bundles waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message numerus="yes">
        <source>%n person(s) marked as attending</source>
        <translation>
            <numerusform>%n person marked as attending</numerusform>
            <numerusform>%n people marked as attending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>Too many failed attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many failed attempts. Wait %n second and try again.</numerusform>
            <numerusform>Too many failed attempts. Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workshops</name>
    <message numerus="yes">
        <source>Workshop recorded: %n person(s) at {0} on {1}. Edit ▸ Undo takes it back.</source>
        <translation>
            <numerusform>Workshop recorded: %n person at {0} on {1}. Edit ▸ Undo takes it back.</numerusform>
            <numerusform>Workshop recorded: %n people at {0} on {1}. Edit ▸ Undo takes it back.</numerusform>
        </translation>
    </message>
</context>
</TS>
