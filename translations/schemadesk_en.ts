<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuthorCommands</name>
    <message numerus="yes">
        <source>wrote %1 (%n operation(s))</source>
        <translation>
            <numerusform>wrote %1 (%n operation)</numerusform>
            <numerusform>wrote %1 (%n operations)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) not applied yet (%1): run &apos;upgrade&apos; first</source>
        <translation>
            <numerusform>%n revision not applied yet (%1): run &apos;upgrade&apos; first</numerusform>
            <numerusform>%n revisions not applied yet (%1): run &apos;upgrade&apos; first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>autogenerate would write %n operation(s):</source>
        <translation>
            <numerusform>autogenerate would write %n operation:</numerusform>
            <numerusform>autogenerate would write %n operations:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffRenderer</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can lose data</source>
        <translation>
            <numerusform>%n can lose data</numerusform>
            <numerusform>%n can lose data</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Difference</name>
    <message numerus="yes">
        <source>create table %1 (%n column(s))</source>
        <translation>
            <numerusform>create table %1 (%n column)</numerusform>
            <numerusform>create table %1 (%n columns)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message numerus="yes">
        <source>wrote %n table(s) to %1
</source>
        <translation>
            <numerusform>wrote %n table to %1
</numerusform>
            <numerusform>wrote %n tables to %1
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrateCommands</name>
    <message numerus="yes">
        <source>the database is at %1 (%n revision(s), %2 ms)</source>
        <translation>
            <numerusform>the database is at %1 (%n revision, %2 ms)</numerusform>
            <numerusform>the database is at %1 (%n revisions, %2 ms)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationScript</name>
    <message numerus="yes">
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionCommands</name>
    <message numerus="yes">
        <source>%n heads: join them with &apos;%1 merge -m MESSAGE&apos;</source>
        <translation>
            <numerusform>%n head: join it with &apos;%1 merge -m MESSAGE&apos;</numerusform>
            <numerusform>%n heads: join them with &apos;%1 merge -m MESSAGE&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) pending</source>
        <translation>
            <numerusform>%n revision pending</numerusform>
            <numerusform>%n revisions pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionPlanner</name>
    <message numerus="yes">
        <source>%1 goes beyond the last revision: only %n step(s) up from here</source>
        <translation>
            <numerusform>%1 goes beyond the last revision: only %n step up from here</numerusform>
            <numerusform>%1 goes beyond the last revision: only %n steps up from here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 goes below base: only %n revision(s) can be rolled back from here</source>
        <translation>
            <numerusform>%1 goes below base: only %n revision can be rolled back from here</numerusform>
            <numerusform>%1 goes below base: only %n revisions can be rolled back from here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaDiff</name>
    <message numerus="yes">
        <source>removes value(s) %1 from enum %2: rows holding them must change</source>
        <translation>
            <numerusform>removes value %1 from enum %2: rows holding it must change</numerusform>
            <numerusform>removes values %1 from enum %2: rows holding them must change</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupPolicy</name>
    <message numerus="yes">
        <source>new database: applies all %n migration(s) on open</source>
        <translation>
            <numerusform>new database: applies its %n migration on open</numerusform>
            <numerusform>new database: applies all %n migrations on open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>applies %n pending migration(s) on open (auto_upgrade)</source>
        <translation>
            <numerusform>applies %n pending migration on open (auto_upgrade)</numerusform>
            <numerusform>applies %n pending migrations on open (auto_upgrade)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending; auto_upgrade is off, run &apos;upgrade&apos; to apply them</source>
        <translation>
            <numerusform>%n migration pending; auto_upgrade is off, run &apos;upgrade&apos; to apply it</numerusform>
            <numerusform>%n migrations pending; auto_upgrade is off, run &apos;upgrade&apos; to apply them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending; PostgreSQL is never migrated on open, run &apos;upgrade&apos; to apply them</source>
        <translation>
            <numerusform>%n migration pending; PostgreSQL is never migrated on open, run &apos;upgrade&apos; to apply it</numerusform>
            <numerusform>%n migrations pending; PostgreSQL is never migrated on open, run &apos;upgrade&apos; to apply them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending; a protected environment is never migrated on open, run &apos;upgrade&apos; to apply them</source>
        <translation>
            <numerusform>%n migration pending; a protected environment is never migrated on open, run &apos;upgrade&apos; to apply it</numerusform>
            <numerusform>%n migrations pending; a protected environment is never migrated on open, run &apos;upgrade&apos; to apply them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n can lose data</source>
        <translation>
            <numerusform>%n can lose data</numerusform>
            <numerusform>%n can lose data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s): %1</source>
        <translation>
            <numerusform>%n revision: %1</numerusform>
            <numerusform>%n revisions: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message numerus="yes">
        <source>valid: configuration, revision graph and checksums are sound; %n revision(s) replayed on %1 give the configured schema</source>
        <translation>
            <numerusform>valid: configuration, revision graph and checksums are sound; %n revision replayed on %1 gives the configured schema</numerusform>
            <numerusform>valid: configuration, revision graph and checksums are sound; %n revisions replayed on %1 give the configured schema</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::ApplyPlanDialog</name>
    <message numerus="yes">
        <source>Apply %n revision(s) to %1: %2</source>
        <translation>
            <numerusform>Apply %n revision to %1: %2</numerusform>
            <numerusform>Apply %n revisions to %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n revision(s) on %1: %2</source>
        <translation>
            <numerusform>Roll back %n revision on %1: %2</numerusform>
            <numerusform>Roll back %n revisions on %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) carry hazards (highlighted): read them before you go on.</source>
        <translation>
            <numerusform>%n statement carries hazards (highlighted): read it before you go on.</numerusform>
            <numerusform>%n statements carry hazards (highlighted): read them before you go on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::DiffView</name>
    <message numerus="yes">
        <source>%n item(s): </source>
        <translation>
            <numerusform>%n item: </numerusform>
            <numerusform>%n items: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::MainWindow</name>
    <message numerus="yes">
        <source>%n migration(s) pending. PostgreSQL databases are never migrated on open: review the plan and apply it explicitly.</source>
        <translation>
            <numerusform>%n migration pending. PostgreSQL databases are never migrated on open: review the plan and apply it explicitly.</numerusform>
            <numerusform>%n migrations pending. PostgreSQL databases are never migrated on open: review the plan and apply it explicitly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending on this database.</source>
        <translation>
            <numerusform>%n migration pending on this database.</numerusform>
            <numerusform>%n migrations pending on this database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 of %n revision(s).</source>
        <translation>
            <numerusform>Cancelled after %1 of %n revision.</numerusform>
            <numerusform>Cancelled after %1 of %n revisions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::MigrationEditor</name>
    <message numerus="yes">
        <source>%1 · %n problem(s) · line %2: %3</source>
        <translation>
            <numerusform>%1 · %n problem · line %2: %3</numerusform>
            <numerusform>%1 · %n problems · line %2: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::PlanModel</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::ProjectPanel</name>
    <message numerus="yes">
        <source>%n revision(s): %1</source>
        <translation>
            <numerusform>%n revision: %1</numerusform>
            <numerusform>%n revisions: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::SchemaDiffModel</name>
    <message numerus="yes">
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1: %Ln row</numerusform>
            <numerusform>%1: %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sd::app::SchemaTreeModel</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
</TS>
