<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>%n consent(s) expire within 30 days</source>
        <translation>
            <numerusform>%n consent expires within 30 days</numerusform>
            <numerusform>%n consents expire within 30 days</numerusform>
        </translation>
    </message>
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
    <name>errors</name>
    <message numerus="yes">
        <source>Too many failed attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many failed attempts. Wait %n second and try again.</numerusform>
            <numerusform>Too many failed attempts. Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
</TS>
