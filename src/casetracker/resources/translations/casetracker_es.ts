<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_419" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Case Tracker</source>
        <translation>Acerca de Case Tracker</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Case Tracker {0}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Case Tracker {0}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>An offline, encrypted case tracker for programs that help survivors of human trafficking into safe jobs. It never connects to a network.

Licence: {0}. You may use, study, share and change it under that licence.</source>
        <translation>Un registro de casos cifrado y sin conexión para programas que ayudan a sobrevivientes de la trata de personas a conseguir empleos seguros. Nunca se conecta a ninguna red.

Licencia: {0}. Puede usarlo, estudiarlo, compartirlo y modificarlo según esa licencia.</translation>
    </message>
    <message>
        <source>The data is in the encrypted database {0}, with its key file {1} beside it. Back up both with Tools → Backups….</source>
        <translation>Los datos están en la base de datos cifrada {0}, con su archivo de clave {1} al lado. Haga copias de seguridad de los dos con Herramientas → Copias de seguridad….</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Signs letters as</source>
        <translation>Firma las cartas como</translation>
    </message>
    <message>
        <source>Last unlock</source>
        <translation>Último desbloqueo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>must choose a new passphrase</source>
        <translation>debe elegir una nueva frase de acceso</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
</context>
<context>
    <name>AccountsWindow</name>
    <message>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Reset passphrase…</source>
        <translation>&amp;Restablecer la frase de acceso…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Cambiar el r&amp;ol…</translation>
    </message>
    <message>
        <source>&amp;Name on letters…</source>
        <translation>&amp;Nombre en las cartas…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Change &amp;my passphrase…</source>
        <translation>Cambiar &amp;mi frase de acceso…</translation>
    </message>
    <message>
        <source>Every account opens the same encrypted database; the audit log records what each one does. Removing an account re-encrypts the database so that its old key opens nothing written afterwards.</source>
        <translation>Todas las cuentas abren la misma base de datos cifrada; el registro de auditoría anota lo que hace cada una. Al quitar una cuenta, la base de datos se vuelve a cifrar para que su clave anterior no abra nada de lo que se escriba después.</translation>
    </message>
    <message>
        <source>You are the program&apos;s only supervisor: your account cannot be removed or given another role. Add a second supervisor first, so that the program is never left without one.</source>
        <translation>Usted es la única persona con rol de supervisión en el programa: su cuenta no se puede quitar ni cambiar de rol. Primero agregue a otro/a supervisor/a, para que el programa nunca se quede sin supervisión.</translation>
    </message>
    <message>
        <source>This is your own account: another supervisor changes its role or removes it. Change your own passphrase with Change my passphrase.</source>
        <translation>Esta es su propia cuenta: solo otro/a supervisor/a puede cambiar su rol o quitarla. Cambie su propia frase de acceso con Cambiar mi frase de acceso.</translation>
    </message>
    <message>
        <source>Choose a new passphrase for your own account ({0}). The old one stops working.</source>
        <translation>Elija una nueva frase de acceso para su propia cuenta ({0}). La anterior deja de funcionar.</translation>
    </message>
    <message>
        <source>Reset passphrase</source>
        <translation>Restablecer la frase de acceso</translation>
    </message>
    <message>
        <source>Give {0} a one-time passphrase? Their current passphrase stops working at once, and they choose a new one at their next unlock.</source>
        <translation>¿Dar a {0} una frase de acceso de un solo uso? Su frase de acceso actual deja de funcionar de inmediato, y elegirá una nueva la próxima vez que desbloquee.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Quitar la cuenta</translation>
    </message>
    <message>
        <source>Remove {0}? They can no longer unlock, and the database is re-encrypted so that their old key opens nothing. This takes a while on a large database; until it is done, Cancel leaves the account and the database as they were.</source>
        <translation>¿Quitar a {0}? Ya no podrá desbloquear, y la base de datos se vuelve a cifrar para que su clave anterior no abra nada. En una base de datos grande esto tarda un rato; hasta que termine, Cancelar deja la cuenta y la base de datos como estaban.</translation>
    </message>
    <message>
        <source>Removing {0} and re-encrypting the database…</source>
        <translation>Quitando a {0} y volviendo a cifrar la base de datos…</translation>
    </message>
    <message>
        <source>Stopped: {0} was not removed, and the database is as it was.</source>
        <translation>Detenido: no se quitó a {0}, y la base de datos está como estaba.</translation>
    </message>
    <message>
        <source>Removed. Backups made before still hold data their old key opens:</source>
        <translation>Se quitó la cuenta. Las copias de seguridad hechas antes todavía guardan datos que su clave anterior puede abrir:</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Se quitó la cuenta.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>Agregar una cuenta del personal</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>The new person types their own passphrase here, now</source>
        <translation>La persona nueva escribe ahora aquí su propia frase de acceso</translation>
    </message>
    <message>
        <source>Give me a one-time passphrase to hand on; it must be changed at the first unlock</source>
        <translation>Darme una frase de acceso de un solo uso para entregarla; debe cambiarse al desbloquear por primera vez</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de acceso</translation>
    </message>
    <message>
        <source>Passphrases are at least 15 characters: a few unrelated words are easy to type and hard to guess. Nobody else should watch the screen while they type.</source>
        <translation>Las frases de acceso tienen al menos 15 caracteres: unas cuantas palabras sin relación entre sí son fáciles de escribir y difíciles de adivinar. Nadie más debe mirar la pantalla mientras se escribe.</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de acceso no coinciden.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>A supervisor set a temporary passphrase for this account. Choose your own before going on.</source>
        <translation>Un/a supervisor/a puso una frase de acceso temporal para esta cuenta. Elija la suya antes de continuar.</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Self-assessment: {0}</source>
        <translation>Autoevaluación: {0}</translation>
    </message>
    <message>
        <source>Date of the self-assessment</source>
        <translation>Fecha de la autoevaluación</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>What the employer has in place</source>
        <translation>Lo que el empleador ya tiene en marcha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Optional: who answered, what is planned</source>
        <translation>Opcional: quién respondió, qué se tiene previsto</translation>
    </message>
    <message>
        <source>Earlier self-assessments</source>
        <translation>Autoevaluaciones anteriores</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} practices, {3}</source>
        <translation>{0}: {1} de {2} prácticas, {3}</translation>
    </message>
    <message>
        <source>Standing with these answers: {0}</source>
        <translation>Valoración con estas respuestas: {0}</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Se refiere a</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Action starts with</source>
        <translation>La acción empieza con</translation>
    </message>
    <message>
        <source>Action starts with, e.g. export</source>
        <translation>La acción empieza con, p. ej. export</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar la cadena</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>Exportar esta vista…</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Resultado de la verificación</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas de auditoría</translation>
    </message>
    <message>
        <source>Exports and letters</source>
        <translation>Exportaciones y cartas</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>File hash (SHA-256)</source>
        <translation>Huella del archivo (SHA-256)</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>registro-de-auditoria</translation>
    </message>
    <message>
        <source>Exporting the audit view…</source>
        <translation>Exportando la vista de auditoría…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>User, case, action</source>
        <translation>Usuario, caso, acción</translation>
    </message>
    <message>
        <source>From, to</source>
        <translation>Desde, hasta</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Exportar la vista</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrada</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Contiene</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>not at this path</source>
        <translation>no está en esta ruta</translation>
    </message>
</context>
<context>
    <name>BackupsWindow</name>
    <message numerus="yes">
        <source>%n survivor(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case note(s)</source>
        <translation>
            <numerusform>%n nota del caso</numerusform>
            <numerusform>%n notas del caso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n meta</numerusform>
            <numerusform>%n metas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n escaneo</numerusform>
            <numerusform>%n escaneos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consentimiento</numerusform>
            <numerusform>%n consentimientos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n empleador</numerusform>
            <numerusform>%n empleadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s)</source>
        <translation>
            <numerusform>%n cuenta del personal</numerusform>
            <numerusform>%n cuentas del personal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entr(ies)</source>
        <translation>
            <numerusform>%n entrada de auditoría</numerusform>
            <numerusform>%n entradas de auditoría</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Todavía no se ha hecho ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>No backup made yet: make one with Tools → Backups…</source>
        <translation>Todavía no hay copias de seguridad: haga una en Herramientas → Copias de seguridad…</translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old.</source>
        <translation>
            <numerusform>La última copia de seguridad tiene %n día.</numerusform>
            <numerusform>La última copia de seguridad tiene %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old: make one with Tools → Backups…</source>
        <translation>
            <numerusform>La última copia de seguridad tiene %n día: haga una en Herramientas → Copias de seguridad…</numerusform>
            <numerusform>La última copia de seguridad tiene %n días: haga una en Herramientas → Copias de seguridad…</numerusform>
        </translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of the database and its key file (two files). Keep backups on a drive kept apart from this laptop. A backup opens with the passphrases and recovery key that were valid when it was made.</source>
        <translation>Una copia de seguridad es una copia cifrada de la base de datos y de su archivo de clave (dos archivos). Guarde las copias en una unidad que se mantenga separada de esta computadora. Una copia se abre con las frases de acceso y la clave de recuperación que eran válidas cuando se hizo.</translation>
    </message>
    <message>
        <source>Backups the program made</source>
        <translation>Copias de seguridad que hizo el programa</translation>
    </message>
    <message>
        <source>&amp;Make a backup…</source>
        <translation>&amp;Hacer una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore into a new file…</source>
        <translation>&amp;Restaurar en un archivo nuevo…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Remind when the last backup is older than</source>
        <translation>Avisar cuando la última copia de seguridad tenga más de</translation>
    </message>
    <message>
        <source>Remind me when the last backup is older than</source>
        <translation>Avisarme cuando la última copia de seguridad tenga más de</translation>
    </message>
    <message>
        <source>Where should the backup go?</source>
        <translation>¿Dónde se guarda la copia de seguridad?</translation>
    </message>
    <message>
        <source>Case Tracker backups (*.db)</source>
        <translation>Copias de seguridad de Case Tracker (*.db)</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Haciendo una copia de seguridad…</translation>
    </message>
    <message>
        <source>Stopped. No backup was written.</source>
        <translation>Se detuvo. No se escribió ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>Backup made and verified (every page authenticates): {0} and {1}, {2}. It holds {3}.</source>
        <translation>Copia de seguridad hecha y verificada (todas las páginas se autentican): {0} y {1}, {2}. Contiene {3}.</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurada</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Revisando y restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>Stopped. Nothing was restored.</source>
        <translation>Se detuvo. No se restauró nada.</translation>
    </message>
    <message>
        <source>Restored into {0}. To work in it, lock and choose Open another database… on the lock screen.</source>
        <translation>Se restauró en {0}. Para trabajar en ella, bloquee y elija Abrir otra base de datos… en la pantalla de bloqueo.</translation>
    </message>
</context>
<context>
    <name>BarriersTab</name>
    <message>
        <source>Barriers</source>
        <translation>Obstáculos</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>Obstáculo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Detalles (opcional)</translation>
    </message>
    <message>
        <source>Add barrier</source>
        <translation>Agregar obstáculo</translation>
    </message>
    <message>
        <source>Tick a barrier when it is resolved.</source>
        <translation>Marque un obstáculo cuando se haya resuelto.</translation>
    </message>
    <message>
        <source>Resolve a barrier</source>
        <translation>Resolver un obstáculo</translation>
    </message>
    <message>
        <source>Reopen a barrier</source>
        <translation>Reabrir un obstáculo</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Preferred
name</source>
        <translation>Nombre
preferido</translation>
    </message>
    <message>
        <source>Next
milestone</source>
        <translation>Próximo
paso</translation>
    </message>
    <message>
        <source>Last
contact</source>
        <translation>Último
contacto</translation>
    </message>
    <message>
        <source>Docs
to get</source>
        <translation>Documentos
pendientes</translation>
    </message>
    <message>
        <source>Documents still to get: missing, requested, or expired</source>
        <translation>Documentos que aún hay que conseguir: los que faltan, los solicitados y los vencidos</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Ready to match</source>
        <translation>Preparación completa</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check every row</source>
        <translation>Revisar cada fila</translation>
    </message>
    <message>
        <source>Nothing is imported until every row is right; then all rows are imported at once.</source>
        <translation>No se importa nada hasta que todas las filas estén bien; entonces se importan todas a la vez.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Resultado de la revisión</translation>
    </message>
    <message>
        <source>Problems, by spreadsheet row</source>
        <translation>Problemas, por fila de la hoja de cálculo</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Revisar de nuevo</translation>
    </message>
    <message>
        <source>Check the file again</source>
        <translation>Revisar el archivo de nuevo</translation>
    </message>
    <message>
        <source>After fixing the spreadsheet and saving it</source>
        <translation>Después de corregir la hoja de cálculo y guardarla</translation>
    </message>
    <message>
        <source>Likely duplicates, by spreadsheet row</source>
        <translation>Posibles duplicados, por fila de la hoja de cálculo</translation>
    </message>
    <message>
        <source>Likely duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <source>Problems found: {0}. Nothing will be imported until every one is fixed: go Back to change which column fills which field, or fix the spreadsheet, save it and check again.</source>
        <translation>Problemas encontrados: {0}. No se importará nada hasta corregirlos todos: vuelva Atrás para cambiar qué columna llena cada campo, o corrija la hoja de cálculo, guárdela y revise de nuevo.</translation>
    </message>
    <message>
        <source>The check was cancelled. Check again to import.</source>
        <translation>Se canceló la revisión. Revise de nuevo para importar.</translation>
    </message>
    <message>
        <source>Rows checked: {0}. Likely duplicates: {1}. Decide on each: import it as a new person, or leave the row out (open the existing record later to add to it).</source>
        <translation>Filas revisadas: {0}. Posibles duplicados: {1}. Decida qué hacer con cada uno: importarlo como una persona nueva, o dejar fuera la fila (después puede abrir el expediente existente para agregarle datos).</translation>
    </message>
    <message>
        <source>Rows checked: {0}. No problems: press Import to import them all.</source>
        <translation>Filas revisadas: {0}. No hay problemas: haga clic en Importar para importarlas todas.</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Decidir…</translation>
    </message>
    <message>
        <source>Import as a new person</source>
        <translation>Importar como persona nueva</translation>
    </message>
    <message>
        <source>Leave this row out</source>
        <translation>Dejar fuera esta fila</translation>
    </message>
    <message>
        <source>Decision for row {0}</source>
        <translation>Decisión para la fila {0}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelado: no se importó nada.</translation>
    </message>
</context>
<context>
    <name>CheckWindow</name>
    <message>
        <source>Check the database</source>
        <translation>Revisar la base de datos</translation>
    </message>
    <message>
        <source>The check reads every page of the encrypted database and confirms that none was changed or damaged, then verifies the audit log&apos;s chain: that no entry was edited, removed or reordered. It changes nothing but adds a line to the audit log.</source>
        <translation>La revisión lee todas las páginas de la base de datos cifrada y confirma que ninguna se cambió ni se dañó; después verifica la cadena del registro de auditoría: que ninguna entrada se haya editado, quitado ni cambiado de orden. No cambia nada; solo agrega una línea al registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Revisar ahora</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Resultado de la revisión</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Revisando la base de datos…</translation>
    </message>
    <message>
        <source>Stopped before the end; nothing was recorded.</source>
        <translation>Se detuvo antes de terminar; no se anotó nada.</translation>
    </message>
    <message numerus="yes">
        <source>The database is damaged: %n problem(s) found. Stop using it, keep this laptop as it is, and restore the newest backup into a new file (Tools → Backups…).</source>
        <translation>
            <numerusform>La base de datos está dañada: se encontró %n problema. Deje de usarla, deje esta computadora tal como está y restaure la copia de seguridad más reciente en un archivo nuevo (Herramientas → Copias de seguridad…).</numerusform>
            <numerusform>La base de datos está dañada: se encontraron %n problemas. Deje de usarla, deje esta computadora tal como está y restaure la copia de seguridad más reciente en un archivo nuevo (Herramientas → Copias de seguridad…).</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is sound: every page authenticates and its structure checks.</source>
        <translation>La base de datos está en buen estado: todas las páginas se autentican y su estructura es correcta.</translation>
    </message>
    <message>
        <source>The audit log verifies: no entry was edited, removed or reordered.</source>
        <translation>El registro de auditoría se verifica: ninguna entrada se editó, quitó ni cambió de orden.</translation>
    </message>
    <message>
        <source>The audit log does NOT verify: entries may have been edited or removed. Open Tools → Audit log and tell whoever oversees the program.</source>
        <translation>El registro de auditoría NO se verifica: puede que se hayan editado o quitado entradas. Abra Herramientas → Registro de auditoría y avise a quien supervisa el programa.</translation>
    </message>
</context>
<context>
    <name>ClearancesBox</name>
    <message>
        <source>Employers with hiring restrictions</source>
        <translation>Empleadores con restricciones de contratación</translation>
    </message>
    <message>
        <source>Decide whether each of these employers fits this survivor. Coordinators see only “cleared”; for everyone else they are told to ask you. The reason stays here.</source>
        <translation>Decida si cada uno de estos empleadores es adecuado para esta persona. Los/las coordinadores/as solo ven “aprobado”; en los demás casos se les indica que le pregunten a usted. El motivo se queda aquí.</translation>
    </message>
    <message>
        <source>Decisions for employers with hiring restrictions</source>
        <translation>Decisiones sobre empleadores con restricciones de contratación</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Reason (kept with the sensitive details)</source>
        <translation>Motivo (se guarda con los datos confidenciales)</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Anotar la decisión</translation>
    </message>
</context>
<context>
    <name>ConfirmDuePurgeDialog</name>
    <message>
        <source>Purge what is due</source>
        <translation>Eliminar lo que ya venció</translation>
    </message>
    <message>
        <source>This purges {0} case(s) for good: whole records whose time has come, and only the sensitive details or scans of the others. It cannot be undone, and backups made earlier still hold what it removes. Past report figures are kept as de-identified counts.</source>
        <translation>Esto elimina definitivamente {0} caso(s): los expedientes completos cuyo plazo llegó, y solo los datos confidenciales o los escaneos de los demás. No se puede deshacer, y las copias de seguridad anteriores todavía guardan lo que se elimina. Las cifras de los informes pasados se conservan como conteos sin datos que identifiquen a nadie.</translation>
    </message>
    <message>
        <source>Type the number of cases to confirm:</source>
        <translation>Escriba el número de casos para confirmar:</translation>
    </message>
    <message>
        <source>Number of cases to confirm</source>
        <translation>Número de casos para confirmar</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Eliminar definitivamente</translation>
    </message>
</context>
<context>
    <name>ConflictsWindow</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Two people changed the same thing on different laptops without seeing each other&apos;s change. Every laptop shows the later value meanwhile. Keep the right one: your choice reaches the other laptops with the next sync.</source>
        <translation>Dos personas cambiaron lo mismo en computadoras distintas sin ver el cambio de la otra. Mientras tanto, todas las computadoras muestran el valor más reciente. Conserve el correcto: su elección llegará a las demás computadoras con la próxima sincronización.</translation>
    </message>
    <message>
        <source>No conflicts wait for you.</source>
        <translation>No hay conflictos pendientes para usted.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Se muestra ahora</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrito por</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} en {1}</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Conservar este valor</translation>
    </message>
    <message>
        <source>(not shown to your role)</source>
        <translation>(no se muestra a su rol)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(a file of {0} bytes)</source>
        <translation>(un archivo de {0} bytes)</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>New release of information</source>
        <translation>Nueva autorización para compartir información</translation>
    </message>
    <message>
        <source>A partner agency (type its name)</source>
        <translation>Una agencia aliada (escriba su nombre)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Why it is shared, as written with the survivor</source>
        <translation>Para qué se comparte, tal como se escribió con la persona</translation>
    </message>
    <message>
        <source>Starts on (signed)</source>
        <translation>Empieza el (fecha de firma)</translation>
    </message>
    <message>
        <source>Leave empty for {0} days from the start; at most a year.</source>
        <translation>Déjelo vacío para {0} días desde el inicio; como máximo un año.</translation>
    </message>
    <message>
        <source>How it was signed</source>
        <translation>Cómo se firmó</translation>
    </message>
    <message>
        <source>The recipient may share it &amp;further</source>
        <translation>El destinatario puede compartirla con &amp;otros</translation>
    </message>
    <message>
        <source>History of trafficking or domestic violence is never shared.</source>
        <translation>Los antecedentes de trata o de violencia doméstica nunca se comparten.</translation>
    </message>
    <message>
        <source>The form says that signing is voluntary and never a condition of service, and that the survivor may revoke it at any time, in writing or orally.</source>
        <translation>El formulario dice que firmar es voluntario y nunca una condición para recibir servicios, y que la persona puede revocarla en cualquier momento, por escrito o de palabra.</translation>
    </message>
    <message>
        <source>{0} ({1} days from the start)</source>
        <translation>{0} ({1} días desde el inicio)</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Compartir con</translation>
    </message>
    <message>
        <source>The survivor is under 18</source>
        <translation>La persona es menor de 18 años</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Madre, padre o tutor/a</translation>
    </message>
    <message>
        <source>A parent or guardian who has not harmed them</source>
        <translation>Una madre, un padre o un/a tutor/a que no le haya hecho daño</translation>
    </message>
    <message>
        <source>The young person and this parent or guardian &amp;both signed</source>
        <translation>La persona joven y esta madre, padre o tutor/a firmaron &amp;ambos</translation>
    </message>
    <message>
        <source>What the survivor agrees to share</source>
        <translation>Lo que la persona acepta compartir</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Comparte</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Releases of information</source>
        <translation>Autorizaciones para compartir información</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>May share further</source>
        <translation>Puede compartirla con otros</translation>
    </message>
    <message>
        <source>New release…</source>
        <translation>Nueva autorización…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>Print release form…</source>
        <translation>Imprimir formulario de autorización…</translation>
    </message>
    <message>
        <source>Share with an employer…</source>
        <translation>Compartir con un empleador…</translation>
    </message>
    <message>
        <source>Revoked in writing</source>
        <translation>Revocada por escrito</translation>
    </message>
    <message>
        <source>Revoked orally</source>
        <translation>Revocada de palabra</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Active — expires soon</source>
        <translation>Activo — vence pronto</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(sin registrar)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Save the release form</source>
        <translation>Guardar el formulario de autorización</translation>
    </message>
    <message>
        <source>release-form</source>
        <translation>formulario-de-autorizacion</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel de supervisión</translation>
    </message>
    <message>
        <source>Figures per case manager</source>
        <translation>Cifras por gestor/a de casos</translation>
    </message>
    <message>
        <source>Case manager</source>
        <translation>Gestor/a de casos</translation>
    </message>
    <message>
        <source>Double-click a number to see the cases behind it</source>
        <translation>Haga doble clic en un número para ver los casos que lo forman</translation>
    </message>
    <message>
        <source>Placement funnel</source>
        <translation>Embudo de colocación laboral</translation>
    </message>
    <message>
        <source>retained {0} days: {1}</source>
        <translation>en el empleo a los {0} días: {1}</translation>
    </message>
    <message>
        <source>Caseload report…</source>
        <translation>Informe de casos…</translation>
    </message>
    <message>
        <source>Kind of reporting period</source>
        <translation>Tipo de periodo del informe</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>Semestre</translation>
    </message>
    <message>
        <source>Federal fiscal year</source>
        <translation>Año fiscal federal</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Periodo del informe</translation>
    </message>
    <message>
        <source>Outcomes report…</source>
        <translation>Informe de resultados…</translation>
    </message>
    <message>
        <source>Funder report…</source>
        <translation>Informe para financiadores…</translation>
    </message>
    <message>
        <source>Outcomes for</source>
        <translation>Resultados de</translation>
    </message>
    <message>
        <source>Placement funnel: everyone taken in since records began, open and closed cases alike, each counted at every step up to the furthest reached</source>
        <translation>Embudo de colocación: todas las personas recibidas desde que hay registros, con casos abiertos y cerrados, cada una contada en cada paso hasta el más avanzado que alcanzó</translation>
    </message>
    <message>
        <source>Internships ending in the next two weeks: {0}</source>
        <translation>Pasantías que terminan en las próximas dos semanas: {0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Employer self-assessments due: {0}</source>
        <translation>Autoevaluaciones de empleadores pendientes: {0}</translation>
    </message>
    <message>
        <source>Where the last report was saved</source>
        <translation>Dónde se guardó el último informe</translation>
    </message>
    <message>
        <source>Retention…</source>
        <translation>Conservación…</translation>
    </message>
    <message>
        <source>What is due for purge under the policy</source>
        <translation>Lo que la política manda eliminar ya</translation>
    </message>
    <message>
        <source>Due for purge: {0} case(s)</source>
        <translation>Para eliminar: {0} caso(s)</translation>
    </message>
    <message>
        <source>Cases behind the figure</source>
        <translation>Casos detrás de la cifra</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}, due {3}</source>
        <translation>{0} · {1} · {2}, fecha límite {3}</translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} {2} in %n case(s)</source>
        <translation>
            <numerusform>{0}: {1} {2} en %n caso</numerusform>
            <numerusform>{0}: {1} {2} en %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>report</source>
        <translation>informe</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>Informe guardado en {0}</translation>
    </message>
    <message>
        <source>Save the caseload report</source>
        <translation>Guardar el informe de casos</translation>
    </message>
    <message>
        <source>Save the outcomes report</source>
        <translation>Guardar el informe de resultados</translation>
    </message>
    <message>
        <source>Save the funder report</source>
        <translation>Guardar el informe para financiadores</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/AAAA</translation>
    </message>
    <message>
        <source>“{0}” is not a date; type it as {1}</source>
        <translation>“{0}” no es una fecha; escríbala como {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a date; type it as {1} or {2}</source>
        <translation>“{0}” no es una fecha; escríbala como {1} o {2}</translation>
    </message>
    <message>
        <source>Choose {0} from a calendar</source>
        <translation>{0}: elegir en un calendario</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>Elegir en un calendario</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Flecha abajo)</translation>
    </message>
    <message>
        <source>The date as read</source>
        <translation>La fecha tal como se entendió</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMONSTRATION DATA. Everyone in this database is made up and its passphrases are public. Never enter a real person here.</source>
        <translation>DATOS DE DEMOSTRACIÓN. Todas las personas de esta base de datos son inventadas y sus frases de acceso son públicas. Nunca registre aquí a una persona real.</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>Datos de demostración</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Ready for I-9</source>
        <translation>Documentos listos para el I-9</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Readiness for the I-9 employment check</source>
        <translation>Si los documentos están listos para la verificación de empleo del I-9</translation>
    </message>
    <message>
        <source>Which documents to work on first</source>
        <translation>Qué documentos trabajar primero</translation>
    </message>
    <message>
        <source>What each document waits on</source>
        <translation>De qué depende cada documento</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Escaneos</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>Adjuntar escaneo…</translation>
    </message>
    <message>
        <source>View scan</source>
        <translation>Ver escaneo</translation>
    </message>
    <message>
        <source>Not ready for I-9: recovering the {0} would make it so.</source>
        <translation>Los documentos todavía no están listos para el I-9. Con este documento lo estarían: {0}.</translation>
    </message>
    <message>
        <source>Work on next: {0}</source>
        <translation>Trabajar ahora en: {0}</translation>
    </message>
    <message>
        <source>(unblocks {0})</source>
        <translation>(permite avanzar con {0})</translation>
    </message>
    <message>
        <source>{0} waits on {1}.</source>
        <translation>{0} depende de {1}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Status of {0}</source>
        <translation>Estado de: {0}</translation>
    </message>
    <message>
        <source>Mark {0} {1}</source>
        <translation>Marcar {0}: {1}</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Adjuntar un escaneo</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Escaneos (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Vista previa del documento</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>A possible duplicate is in another caseload — ask your supervisor.</source>
        <translation>Hay un posible duplicado en otra lista de casos: consulte a su supervisor/a.</translation>
    </message>
    <message>
        <source>Save as a &amp;new person</source>
        <translation>Guardar como &amp;nueva persona</translation>
    </message>
    <message>
        <source>This is someone else: save the new record</source>
        <translation>Es otra persona: guardar el expediente nuevo</translation>
    </message>
    <message>
        <source>This may be someone already in your caseload. Open their record, or save a new one if this is someone else.</source>
        <translation>Puede que esta persona ya esté en su lista de casos. Abra su expediente, o guarde uno nuevo si se trata de otra persona.</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Expediente nuevo</translation>
    </message>
    <message>
        <source>{0} ({1}% alike)</source>
        <translation>{0} ({1}% de similitud)</translation>
    </message>
    <message>
        <source>Open &amp;{0}: {1}</source>
        <translation>Abrir &amp;{0}: {1}</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <source>Edit employer partner</source>
        <translation>Editar empleador aliado</translation>
    </message>
    <message>
        <source>New employer partner</source>
        <translation>Nuevo empleador aliado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Persona de contacto</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Teléfono de contacto</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>Correo de contacto</translation>
    </message>
    <message>
        <source>Commitments and practices adopted</source>
        <translation>Compromisos y prácticas adoptadas</translation>
    </message>
    <message>
        <source>Hiring restrictions</source>
        <translation>Restricciones de contratación</translation>
    </message>
    <message>
        <source>Restriction details</source>
        <translation>Detalles de las restricciones</translation>
    </message>
    <message>
        <source>Details, in the employer&apos;s words</source>
        <translation>Detalles, en palabras del empleador</translation>
    </message>
</context>
<context>
    <name>EmployersWindow</name>
    <message>
        <source>Employer partners</source>
        <translation>Empleadores aliados</translation>
    </message>
    <message>
        <source>Show standing</source>
        <translation>Mostrar valoración</translation>
    </message>
    <message>
        <source>Any standing</source>
        <translation>Cualquier valoración</translation>
    </message>
    <message>
        <source>Show industry</source>
        <translation>Mostrar sector</translation>
    </message>
    <message>
        <source>Any industry</source>
        <translation>Cualquier sector</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>New partner…</source>
        <translation>Nuevo aliado…</translation>
    </message>
    <message>
        <source>Edit partner…</source>
        <translation>Editar aliado…</translation>
    </message>
    <message>
        <source>Self-&amp;assessment…</source>
        <translation>&amp;Autoevaluación…</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Salario</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>New position title</source>
        <translation>Nombre del nuevo puesto</translation>
    </message>
    <message>
        <source>Internship (12 weeks, 20 h/week, paid)</source>
        <translation>Pasantía (12 semanas, 20 h/semana, remunerada)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <source>Apprenticeship</source>
        <translation>Aprendizaje</translation>
    </message>
    <message>
        <source>Apprenticeship track</source>
        <translation>Tipo de aprendizaje</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source>Term in months</source>
        <translation>Duración en meses</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Entidad patrocinadora</translation>
    </message>
    <message>
        <source>Wage steps</source>
        <translation>Aumentos de salario</translation>
    </message>
    <message>
        <source>Wage steps, e.g. 6:17.50, 12:19</source>
        <translation>Aumentos de salario, p. ej. 6:17.50, 12:19</translation>
    </message>
    <message>
        <source>Raises after the starting wage: months into the term, a colon, the hourly wage</source>
        <translation>Aumentos después del salario inicial: los meses transcurridos, dos puntos y el salario por hora</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Hourly wage</source>
        <translation>Salario por hora</translation>
    </message>
    <message>
        <source>Location area</source>
        <translation>Zona del lugar de trabajo</translation>
    </message>
    <message>
        <source>Area, e.g. Port terminal</source>
        <translation>Zona, p. ej. Terminal portuaria</translation>
    </message>
    <message>
        <source>Skills wanted</source>
        <translation>Habilidades buscadas</translation>
    </message>
    <message>
        <source>Skills wanted, separated by ;</source>
        <translation>Habilidades buscadas, separadas por ;</translation>
    </message>
    <message>
        <source>Add position</source>
        <translation>Agregar puesto</translation>
    </message>
    <message>
        <source>Find matches</source>
        <translation>Buscar candidatos</translation>
    </message>
    <message>
        <source>&amp;Close position</source>
        <translation>&amp;Cerrar puesto</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Candidatos</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Afinidad</translation>
    </message>
    <message>
        <source>Why, and flags</source>
        <translation>Por qué, y alertas</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Abrir expediente</translation>
    </message>
    <message>
        <source>Referral letter…</source>
        <translation>Carta de referencia…</translation>
    </message>
    <message>
        <source>Who may be referred</source>
        <translation>A quién se puede referir</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Comparte</translation>
    </message>
    <message>
        <source>Survivors whose consent to share with this partner is active today. A letter holds only what each consent allows.</source>
        <translation>Personas cuyo consentimiento para compartir con este aliado está vigente hoy. Una carta contiene solo lo que permite cada consentimiento.</translation>
    </message>
    <message>
        <source>S&amp;tanding</source>
        <translation>&amp;Valoración</translation>
    </message>
    <message>
        <source>In&amp;dustry</source>
        <translation>&amp;Sector</translation>
    </message>
    <message>
        <source>Partner details</source>
        <translation>Datos del aliado</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Aliado</translation>
    </message>
    <message>
        <source>Positions and matches</source>
        <translation>Puestos y candidatos</translation>
    </message>
    <message>
        <source>Hiring restrictions: {0}</source>
        <translation>Restricciones de contratación: {0}</translation>
    </message>
    <message>
        <source>Self-assessment due</source>
        <translation>Autoevaluación pendiente</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>Contacto: {0}</translation>
    </message>
    <message>
        <source>Standing: {0}</source>
        <translation>Valoración: {0}</translation>
    </message>
    <message>
        <source>Practices adopted ({0} of {1}): {2}</source>
        <translation>Prácticas adoptadas ({0} de {1}): {2}</translation>
    </message>
    <message>
        <source>In the employer&apos;s words: {0}</source>
        <translation>En palabras del empleador: {0}</translation>
    </message>
    <message>
        <source>Self-assessment: none recorded yet; due now</source>
        <translation>Autoevaluación: todavía no hay ninguna anotada; ya corresponde hacerla</translation>
    </message>
    <message>
        <source>Self-assessment: last on {0}; a year has passed, due now</source>
        <translation>Autoevaluación: la última fue el {0}; ya pasó un año, corresponde hacerla ahora</translation>
    </message>
    <message>
        <source>Self-assessment: last on {0}; next due on {1}</source>
        <translation>Autoevaluación: la última fue el {0}; la próxima corresponde el {1}</translation>
    </message>
    <message>
        <source>Who may be referred ({0})</source>
        <translation>A quién se puede referir ({0})</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{0}; skills wanted: {1}</source>
        <translation>{0}; habilidades buscadas: {1}</translation>
    </message>
    <message>
        <source>Re&amp;open position</source>
        <translation>&amp;Reabrir puesto</translation>
    </message>
</context>
<context>
    <name>EmploymentTab</name>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Skills and certifications</source>
        <translation>Habilidades y certificaciones</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Puede empezar desde</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Employment goals</source>
        <translation>Metas de empleo</translation>
    </message>
    <message>
        <source>Supports at work</source>
        <translation>Apoyos en el trabajo</translation>
    </message>
    <message>
        <source>Ready for I-9</source>
        <translation>Documentos listos para el I-9</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Case manager</source>
        <translation>Gestor/a de casos</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Enroll a laptop</source>
        <translation>Inscribir una computadora</translation>
    </message>
    <message>
        <source>Enrolling writes a file from which the new laptop makes its own copy of the program&apos;s database: every account there unlocks with its usual passphrase. The file opens only with a one-time code, shown once after this. Carry the file to the laptop (a USB stick, the sync folder) and give the code separately.</source>
        <translation>Al inscribir se escribe un archivo con el que la computadora nueva crea su propia copia de la base de datos del programa: allí cada cuenta se desbloquea con su frase de acceso de siempre. El archivo solo se abre con un código de un solo uso, que se muestra una sola vez después de esto. Lleve el archivo a la computadora (en una memoria USB o por la carpeta de sincronización) y entregue el código por separado.</translation>
    </message>
    <message>
        <source>The new laptop&apos;s name</source>
        <translation>Nombre de la computadora nueva</translation>
    </message>
    <message>
        <source>as outreach laptop 2</source>
        <translation>por ejemplo: computadora de alcance 2</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>Archivo de inscripción</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the enrollment file</source>
        <translation>Elegir el archivo de inscripción</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>Where should the enrollment file go?</source>
        <translation>¿Dónde se guardará el archivo de inscripción?</translation>
    </message>
    <message>
        <source>Type the new laptop&apos;s name.</source>
        <translation>Escriba el nombre de la computadora nueva.</translation>
    </message>
    <message>
        <source>Choose where the enrollment file goes.</source>
        <translation>Elija dónde se guardará el archivo de inscripción.</translation>
    </message>
    <message>
        <source>Give the whole path of the enrollment file, or use Choose…</source>
        <translation>Escriba la ruta completa del archivo de inscripción, o use Elegir…</translation>
    </message>
    <message>
        <source>{0} already exists. Case Tracker never overwrites it: choose another name.</source>
        <translation>{0} ya existe. Case Tracker nunca lo sobrescribe: elija otro nombre.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>La carpeta {0} no existe.</translation>
    </message>
</context>
<context>
    <name>EnrollmentCodeDialog</name>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>This laptop has started a new team program and is its first laptop.</source>
        <translation>Esta computadora comenzó un programa de equipo nuevo y es su primera computadora.</translation>
    </message>
    <message>
        <source>The enrollment file for {0} is written to:
{1}</source>
        <translation>El archivo de inscripción de {0} se guardó en:
{1}</translation>
    </message>
    <message>
        <source>This code opens the enrollment file. It is shown only now and kept nowhere.

Give it separately from the file: in person, or read it out over the phone; never in the same e-mail, message or USB stick as the file.

On the new laptop, choose &quot;Join a program…&quot; on the lock screen, choose the file and type this code. Then run Sync now (Tools menu) on both laptops to exchange the program&apos;s records.</source>
        <translation>Este código abre el archivo de inscripción. Solo se muestra ahora y no se guarda en ningún lugar.

Entréguelo por separado del archivo: en persona, o léalo por teléfono; nunca en el mismo correo, mensaje o memoria USB que el archivo.

En la computadora nueva, elija &quot;Unirse a un programa…&quot; en la pantalla de bloqueo, elija el archivo y escriba este código. Después use Sincronizar ahora (menú Herramientas) en las dos computadoras para intercambiar los registros del programa.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Case Tracker: something went wrong</source>
        <translation>Case Tracker: algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong inside Case Tracker ({0}). What was already saved is safe. If it happens again, copy the details below and send them to whoever looks after Case Tracker for your program: they name only the place in the program, never anything from a record.</source>
        <translation>Algo salió mal dentro de Case Tracker ({0}). Lo que ya se guardó está a salvo. Si vuelve a pasar, copie los detalles de abajo y envíelos a quien se encarga de Case Tracker en su programa: solo indican el lugar del programa donde ocurrió, nunca nada de un expediente.</translation>
    </message>
    <message>
        <source>Case Tracker locked itself, so that no screen goes on showing something out of date. Unlock to carry on; anything typed but not saved has to be typed again.</source>
        <translation>Case Tracker se bloqueó por sí solo, para que ninguna pantalla siga mostrando algo desactualizado. Desbloquee para continuar; lo que se haya escrito sin guardar hay que escribirlo de nuevo.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Copiar los detalles</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiados</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>{0} — {1}: consented on {2}, until {3}</source>
        <translation>{0} — {1}: con consentimiento del {2}, hasta el {3}</translation>
    </message>
    <message>
        <source>Share with an employer</source>
        <translation>Compartir con un empleador</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Position (for a letter)</source>
        <translation>Puesto (para una carta)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Included, and why</source>
        <translation>Qué se incluye y por qué</translation>
    </message>
    <message>
        <source>The organisation&apos;s {0} is not set yet: documents go out without it. A supervisor sets it in Settings.</source>
        <translation>Todavía faltan estos datos de la organización: {0}. Los documentos salen sin ellos. Un/a supervisor/a los indica en Configuración.</translation>
    </message>
    <message>
        <source>Included, and why:</source>
        <translation>Qué se incluye y por qué:</translation>
    </message>
    <message>
        <source>No position in particular</source>
        <translation>Ningún puesto en particular</translation>
    </message>
    <message>
        <source>Checked: nothing withheld appears in this document.</source>
        <translation>Revisado: nada reservado aparece en este documento.</translation>
    </message>
    <message>
        <source>referral-letter</source>
        <translation>carta-de-referencia</translation>
    </message>
    <message>
        <source>candidate-profile</source>
        <translation>perfil-de-candidatura</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Guardar el PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved and recorded in the export log ({0}…).</source>
        <translation>Guardado y anotado en el registro de exportaciones ({0}…).</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>Elija la hoja de cálculo</translation>
    </message>
    <message>
        <source>A CSV file or an Excel workbook (.xlsx), one survivor a row, with a row of column headings on top.</source>
        <translation>Un archivo CSV o un libro de Excel (.xlsx), con una persona por fila y una fila de encabezados de columna arriba.</translation>
    </message>
    <message>
        <source>Spreadsheet file</source>
        <translation>Archivo de la hoja de cálculo</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Archivo para importar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Browse for the spreadsheet</source>
        <translation>Buscar la hoja de cálculo</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>What the file is</source>
        <translation>Qué tipo de archivo es</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation>Hojas de cálculo (*.xlsx *.xlsm *.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{0}; {1} columns.</source>
        <translation>{0}; {1} columnas.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up Case Tracker</source>
        <translation>Configurar Case Tracker</translation>
    </message>
    <message>
        <source>Case Tracker will create a new, encrypted database for your program. Choose where its file goes; the suggested place is your account&apos;s own data folder, where Case Tracker looks first when it starts.

The first account is a supervisor, who then adds the staff. Choose a passphrase of at least 15 characters: a few unrelated words are easy to type and hard to guess.</source>
        <translation>Case Tracker creará una base de datos nueva y cifrada para su programa. Elija dónde se guarda su archivo; el lugar sugerido es la carpeta de datos de su propia cuenta, que es donde Case Tracker busca primero al abrirse.

La primera cuenta es de supervisión, y desde ella se agrega al resto del personal. Elija una frase de acceso de al menos 15 caracteres: unas cuantas palabras sin relación entre sí son fáciles de escribir y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>There is no database yet. Case Tracker will create an encrypted one at:
{0}

The first account is a supervisor, who then adds the staff. Choose a passphrase of at least 15 characters: a few unrelated words are easy to type and hard to guess.</source>
        <translation>Todavía no hay una base de datos. Case Tracker creará una cifrada en:
{0}

La primera cuenta es de supervisión, y desde ella se agrega al resto del personal. Elija una frase de acceso de al menos 15 caracteres: unas cuantas palabras sin relación entre sí son fáciles de escribir y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de acceso</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de la base de datos</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Elegir el archivo de la base de datos</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>Organisation&apos;s name</source>
        <translation>Nombre de la organización</translation>
    </message>
    <message>
        <source>Organisation&apos;s address</source>
        <translation>Dirección de la organización</translation>
    </message>
    <message>
        <source>Organisation&apos;s phone</source>
        <translation>Teléfono de la organización</translation>
    </message>
    <message>
        <source>Your organisation, as letters and profiles name it (you can also set this later in Settings…):</source>
        <translation>Su organización, tal como la nombran las cartas y los perfiles (también puede indicarlo más tarde en Configuración…):</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Join a program instead…</source>
        <translation>Unirse a un programa…</translation>
    </message>
    <message>
        <source>For a laptop a supervisor enrolled: make its database from the enrollment file and its one-time code</source>
        <translation>Para una computadora que inscribió un/a supervisor/a: crear su base de datos a partir del archivo de inscripción y su código de un solo uso</translation>
    </message>
    <message>
        <source>Where should the new database go?</source>
        <translation>¿Dónde se guardará la nueva base de datos?</translation>
    </message>
    <message>
        <source>Case Tracker databases (*.db)</source>
        <translation>Bases de datos de Case Tracker (*.db)</translation>
    </message>
    <message>
        <source>Choose where the database file goes.</source>
        <translation>Elija dónde se guardará el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>Give the whole path of the database file, or use Choose…</source>
        <translation>Escriba la ruta completa del archivo de la base de datos, o use Elegir…</translation>
    </message>
    <message>
        <source>There is already a database or folder at {0}. Case Tracker never overwrites one: choose another name or place.</source>
        <translation>Ya hay una base de datos o una carpeta en {0}. Case Tracker nunca las sobrescribe: elija otro nombre u otro lugar.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de acceso no coinciden.</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New SMART goal</source>
        <translation>Nueva meta SMART</translation>
    </message>
    <message>
        <source>Change the goal</source>
        <translation>Cambiar la meta</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>Específica</translation>
    </message>
    <message>
        <source>What exactly will be done?</source>
        <translation>¿Qué se hará exactamente?</translation>
    </message>
    <message>
        <source>Measurable</source>
        <translation>Medible</translation>
    </message>
    <message>
        <source>How will we know it is done?</source>
        <translation>¿Cómo sabremos que se logró?</translation>
    </message>
    <message>
        <source>Achievable</source>
        <translation>Alcanzable</translation>
    </message>
    <message>
        <source>Why is it within reach now?</source>
        <translation>¿Por qué está a su alcance ahora?</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>Relevante</translation>
    </message>
    <message>
        <source>Why does it matter to the person?</source>
        <translation>¿Por qué es importante para la persona?</translation>
    </message>
    <message>
        <source>Time-bound: target date</source>
        <translation>Con plazo: fecha meta</translation>
    </message>
    <message>
        <source>On the person’s plan</source>
        <translation>En el plan de la persona</translation>
    </message>
    <message>
        <source>In the person’s own words and language (optional)</source>
        <translation>En sus propias palabras y en su idioma (opcional)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Milestones (steps on the way, each with its own due date)</source>
        <translation>Pasos (en el camino, cada uno con su propia fecha límite)</translation>
    </message>
    <message>
        <source>Due date of milestone {0}</source>
        <translation>Fecha límite del paso {0}</translation>
    </message>
    <message>
        <source>Milestone {0}</source>
        <translation>Paso {0}</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>Agregar paso</translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation>Quitar paso</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Goals and milestones</source>
        <translation>Metas y pasos</translation>
    </message>
    <message>
        <source>Goal or milestone</source>
        <translation>Meta o paso</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Double-click a goal or a milestone to change it</source>
        <translation>Haga doble clic en una meta o en un paso para cambiarlo</translation>
    </message>
    <message>
        <source>SMART details</source>
        <translation>Detalles SMART</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>Nueva meta…</translation>
    </message>
    <message>
        <source>Add milestone…</source>
        <translation>Agregar paso…</translation>
    </message>
    <message>
        <source>Record a check-in…</source>
        <translation>Anotar una revisión del avance…</translation>
    </message>
    <message>
        <source>Mark achieved</source>
        <translation>Marcar como lograda</translation>
    </message>
    <message>
        <source>Plan language</source>
        <translation>Idioma del plan</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Print the plan…</source>
        <translation>Imprimir el plan…</translation>
    </message>
    <message>
        <source>A PDF of the goals and next steps, for the person</source>
        <translation>Un PDF con las metas y los próximos pasos, para la persona</translation>
    </message>
    <message>
        <source>{0} of {1} milestones</source>
        <translation>{0} de {1} pasos</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>&lt;b&gt;S&lt;/b&gt;pecific: {0}&lt;br&gt;&lt;b&gt;M&lt;/b&gt;easurable: {1}&lt;br&gt;&lt;b&gt;A&lt;/b&gt;chievable: {2}&lt;br&gt;&lt;b&gt;R&lt;/b&gt;elevant: {3}&lt;br&gt;&lt;b&gt;T&lt;/b&gt;ime-bound: by {4}&lt;br&gt;{5}</source>
        <translation>&lt;b&gt;S&lt;/b&gt; (específica): {0}&lt;br&gt;&lt;b&gt;M&lt;/b&gt; (medible): {1}&lt;br&gt;&lt;b&gt;A&lt;/b&gt; (alcanzable): {2}&lt;br&gt;&lt;b&gt;R&lt;/b&gt; (relevante): {3}&lt;br&gt;&lt;b&gt;T&lt;/b&gt; (con fecha): para el {4}&lt;br&gt;{5}</translation>
    </message>
    <message>
        <source>Last check-in {0}: {1}</source>
        <translation>Última revisión del avance {0}: {1}</translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation>Todavía no hay revisiones del avance.</translation>
    </message>
    <message>
        <source>On the person’s plan: {0}</source>
        <translation>En el plan de la persona: {0}</translation>
    </message>
    <message>
        <source>Tick off a milestone</source>
        <translation>Marcar un paso como hecho</translation>
    </message>
    <message>
        <source>Untick a milestone</source>
        <translation>Desmarcar un paso</translation>
    </message>
    <message>
        <source>Add a milestone</source>
        <translation>Agregar un paso</translation>
    </message>
    <message>
        <source>Change a goal</source>
        <translation>Cambiar una meta</translation>
    </message>
    <message>
        <source>Change a milestone</source>
        <translation>Cambiar un paso</translation>
    </message>
    <message>
        <source>Change the milestone…</source>
        <translation>Cambiar el paso…</translation>
    </message>
    <message>
        <source>Change the goal…</source>
        <translation>Cambiar la meta…</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Revisión del avance</translation>
    </message>
    <message>
        <source>How is it going?</source>
        <translation>¿Cómo va?</translation>
    </message>
    <message>
        <source>Save the plan</source>
        <translation>Guardar el plan</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Mark a goal achieved</source>
        <translation>Marcar una meta como lograda</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>Guide for</source>
        <translation>Guía para</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Place a legal hold</source>
        <translation>Poner una retención legal</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>A court case, an audit…</source>
        <translation>Un proceso judicial, una auditoría…</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Nothing of a case under legal hold is purged, by the schedule or by hand, until the hold is lifted.</source>
        <translation>Nada de un caso bajo retención legal se elimina, ni según la política ni a mano, hasta que se levante la retención.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Legal first name</source>
        <translation>Nombre(s) legal(es)</translation>
    </message>
    <message>
        <source>Legal last name</source>
        <translation>Apellido(s) legal(es)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Primary language</source>
        <translation>Idioma principal</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Hours available a week</source>
        <translation>Horas disponibles por semana</translation>
    </message>
    <message>
        <source>Trafficking type</source>
        <translation>Tipo de trata</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Immigration status</source>
        <translation>Situación migratoria</translation>
    </message>
    <message>
        <source>Criminal record</source>
        <translation>Antecedentes penales</translation>
    </message>
    <message>
        <source>Case manager</source>
        <translation>Gestor/a de casos</translation>
    </message>
    <message>
        <source>Import survivors from a spreadsheet</source>
        <translation>Importar personas desde una hoja de cálculo</translation>
    </message>
</context>
<context>
    <name>InternshipDialog</name>
    <message>
        <source>Internship</source>
        <translation>Pasantía</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Hourly wage</source>
        <translation>Salario por hora</translation>
    </message>
    <message>
        <source>Onsite supervisor</source>
        <translation>Supervisor/a en el lugar de trabajo</translation>
    </message>
    <message>
        <source>Supervisor&apos;s work phone or email</source>
        <translation>Teléfono o correo de trabajo del supervisor/a</translation>
    </message>
    <message>
        <source>Mentor at the employer</source>
        <translation>Mentor/a en la empresa</translation>
    </message>
    <message>
        <source>Mentor&apos;s work phone or email</source>
        <translation>Teléfono o correo de trabajo del mentor/a</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Dates, hours and the employer&apos;s people</source>
        <translation>Fechas, horas y personas de la empresa</translation>
    </message>
    <message>
        <source>Start and end</source>
        <translation>Inicio y fin</translation>
    </message>
    <message>
        <source>Hours a week and wage</source>
        <translation>Horas por semana y salario</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor/a</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <source>Hours worked</source>
        <translation>Horas trabajadas</translation>
    </message>
    <message>
        <source>How the week went</source>
        <translation>Cómo le fue en la semana</translation>
    </message>
    <message>
        <source>How the week went, in a few words</source>
        <translation>Cómo le fue en la semana, en pocas palabras</translation>
    </message>
    <message>
        <source>Record the week</source>
        <translation>Anotar la semana</translation>
    </message>
    <message>
        <source>Weekly check-ins</source>
        <translation>Revisiones semanales del avance</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Se completó</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Why it ended early</source>
        <translation>Por qué terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Record the end</source>
        <translation>Anotar el final</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>Cómo terminó</translation>
    </message>
    <message>
        <source>Week of {0}: {1} hours</source>
        <translation>Semana del {0}: {1} horas</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Case Tracker</source>
        <translation>Case Tracker</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{0}
Stopping; what was begun is being undone…</source>
        <translation>{0}
Deteniendo; se está deshaciendo lo que se empezó…</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Case Tracker enrollment files (*.enrollment);;All files (*)</source>
        <translation>Archivos de inscripción de Case Tracker (*.enrollment);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Join a program</source>
        <translation>Unirse a un programa</translation>
    </message>
    <message>
        <source>A supervisor enrolled this laptop on another laptop of the program and gave you an enrollment file and, separately, a one-time code. Joining makes this laptop&apos;s own encrypted database, where every account unlocks with its usual passphrase. Afterwards, set the sync folder in Settings and run Sync now to receive the program&apos;s records.</source>
        <translation>Un/a supervisor/a inscribió esta computadora desde otra computadora del programa y le dio un archivo de inscripción y, por separado, un código de un solo uso. Al unirse se crea la base de datos cifrada propia de esta computadora, donde cada cuenta se desbloquea con su frase de acceso de siempre. Después, indique la carpeta de sincronización en Configuración y use Sincronizar ahora para recibir los registros del programa.</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>Archivo de inscripción</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the enrollment file</source>
        <translation>Elegir el archivo de inscripción</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de la base de datos</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Elegir el archivo de la base de datos</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Where should the new database go?</source>
        <translation>¿Dónde se guardará la nueva base de datos?</translation>
    </message>
    <message>
        <source>Case Tracker databases (*.db)</source>
        <translation>Bases de datos de Case Tracker (*.db)</translation>
    </message>
    <message>
        <source>Choose the enrollment file.</source>
        <translation>Elija el archivo de inscripción.</translation>
    </message>
    <message>
        <source>There is no file at {0}.</source>
        <translation>No hay ningún archivo en {0}.</translation>
    </message>
    <message>
        <source>Type the one-time code that came with the file.</source>
        <translation>Escriba el código de un solo uso que recibió con el archivo.</translation>
    </message>
</context>
<context>
    <name>LaptopsWindow</name>
    <message>
        <source>Laptops</source>
        <translation>Computadoras</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Last heard from</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>In the sync folder</source>
        <translation>En la carpeta de sincronización</translation>
    </message>
    <message>
        <source>Compare &amp;content</source>
        <translation>Comparar el &amp;contenido</translation>
    </message>
    <message>
        <source>Work out a digest of the records this laptop holds. Laptops that have applied the same bundles show the same digest.</source>
        <translation>Calcula un resumen (digest) de los registros que tiene esta computadora. Las computadoras que han aplicado los mismos paquetes muestran el mismo resumen.</translation>
    </message>
    <message>
        <source>Content digest</source>
        <translation>Resumen del contenido</translation>
    </message>
    <message>
        <source>Work out this laptop&apos;s content digest and compare it with another laptop&apos;s: it is the same on laptops that have applied the same bundles (casetracker sync --status prints it too).</source>
        <translation>Calcule el resumen del contenido de esta computadora y compárelo con el de otra: es el mismo en las computadoras que han aplicado los mismos paquetes (casetracker sync --status también lo muestra).</translation>
    </message>
    <message>
        <source>The laptops of this program. A laptop is heard from when its changes arrive through the sync folder. Changes are numbered per laptop: this laptop&apos;s sent, and the others&apos; applied here. Where the sync folder holds more than was applied, a bundle waits.</source>
        <translation>Las computadoras de este programa. Se sabe de una computadora cuando sus cambios llegan por la carpeta de sincronización. Los cambios se numeran por computadora: los enviados por esta y los de las demás aplicados aquí. Donde la carpeta de sincronización tiene más de lo aplicado, un paquete está esperando.</translation>
    </message>
    <message>
        <source>{0} (enrollment expired unused)</source>
        <translation>{0} (inscripción vencida sin usar)</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>{0} (this laptop)</source>
        <translation>{0} (esta computadora)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>sent 1–{0}</source>
        <translation>enviados 1–{0}</translation>
    </message>
    <message>
        <source>sent none</source>
        <translation>ninguno enviado</translation>
    </message>
    <message numerus="yes">
        <source>{0}; %n not yet sent</source>
        <translation>
            <numerusform>{0}; %n sin enviar todavía</numerusform>
            <numerusform>{0}; %n sin enviar todavía</numerusform>
        </translation>
    </message>
    <message>
        <source>applied 1–{0}</source>
        <translation>aplicados 1–{0}</translation>
    </message>
    <message>
        <source>applied none</source>
        <translation>ninguno aplicado</translation>
    </message>
    <message>
        <source>1–{0}</source>
        <translation>1–{0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Working out the content digest…</source>
        <translation>Calculando el resumen del contenido…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Detenido antes de terminar.</translation>
    </message>
    <message>
        <source>{0} has no key to receive the new sync key: enroll it again.
</source>
        <translation>{0} no tiene clave para recibir la nueva clave de sincronización: vuelva a inscribirla.
</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Case Tracker</source>
        <translation>Case Tracker</translation>
    </message>
    <message>
        <source>Locked. Choose your account and enter your passphrase.</source>
        <translation>Bloqueado. Elija su cuenta y escriba su frase de acceso.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Type your account name</source>
        <translation>Escriba el nombre de su cuenta</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the recovery key</source>
        <translation>¿Olvidó la frase de acceso? Use la clave de recuperación</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Base de datos: {0}</translation>
    </message>
    <message>
        <source>Set up your program&apos;s database…</source>
        <translation>Configurar la base de datos de su programa…</translation>
    </message>
    <message>
        <source>Join a program…</source>
        <translation>Unirse a un programa…</translation>
    </message>
    <message>
        <source>Make this laptop&apos;s database from an enrollment file and its one-time code</source>
        <translation>Crear la base de datos de esta computadora a partir de un archivo de inscripción y su código de un solo uso</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Abrir otra base de datos…</translation>
    </message>
    <message>
        <source>Don&apos;t list account names on this computer</source>
        <translation>No mostrar los nombres de las cuentas en esta computadora</translation>
    </message>
    <message>
        <source>Each person types their account name instead.</source>
        <translation>En su lugar, cada persona escribe el nombre de su cuenta.</translation>
    </message>
    <message>
        <source>Type your account name.</source>
        <translation>Escriba el nombre de su cuenta.</translation>
    </message>
    <message>
        <source>Open a Case Tracker database</source>
        <translation>Abrir una base de datos de Case Tracker</translation>
    </message>
    <message>
        <source>Case Tracker databases (*.db);;All files (*)</source>
        <translation>Bases de datos de Case Tracker (*.db);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n second(s)</source>
        <translation>
            <numerusform>Espere %n segundo</numerusform>
            <numerusform>Espere %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase does not match this account.</source>
        <translation>La frase de acceso no corresponde a esta cuenta.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Case Tracker — {0} ({1})</source>
        <translation>Case Tracker — {0} ({1})</translation>
    </message>
    <message>
        <source>Search case numbers, names and notes</source>
        <translation>Buscar números de caso, nombres y notas</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Active cases</source>
        <translation>Casos activos</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Casos cerrados</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Todos los casos</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Choose a survivor from the caseload.</source>
        <translation>Elija a una persona de la lista de casos.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;New survivor…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import survivors from a spreadsheet</source>
        <translation>Importar personas desde una hoja de cálculo</translation>
    </message>
    <message>
        <source>&amp;Employers…</source>
        <translation>E&amp;mpleadores…</translation>
    </message>
    <message>
        <source>&amp;Workshop attendance…</source>
        <translation>&amp;Asistencia a talleres…</translation>
    </message>
    <message>
        <source>Letter &amp;template…</source>
        <translation>Plan&amp;tilla de carta…</translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>&amp;Panel de supervisión…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quick exit</source>
        <translation>&amp;Salida rápida</translation>
    </message>
    <message>
        <source>Releases ending within 14 days: {0}</source>
        <translation>Autorizaciones que terminan en 14 días o menos: {0}</translation>
    </message>
    <message>
        <source>Staff acc&amp;ounts…</source>
        <translation>&amp;Cuentas del personal…</translation>
    </message>
    <message>
        <source>C&amp;heck the database…</source>
        <translation>Revisar la &amp;base de datos…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Copias de &amp;seguridad…</translation>
    </message>
    <message>
        <source>Releases expiring soon</source>
        <translation>Autorizaciones que vencen pronto</translation>
    </message>
    <message>
        <source>New &amp;recovery key…</source>
        <translation>Nueva cla&amp;ve de recuperación…</translation>
    </message>
    <message>
        <source>&amp;Merge duplicate records…</source>
        <translation>Fusionar expedientes &amp;duplicados…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;About Case Tracker</source>
        <translation>&amp;Acerca de Case Tracker</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Hide everything and lock (or press Esc twice)</source>
        <translation>Ocultar todo y bloquear (o presione Esc dos veces)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Letterhead incomplete: set the organisation&apos;s {0} in Settings</source>
        <translation>Membrete incompleto: indique en Configuración estos datos de la organización: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns to fields</source>
        <translation>Relacione las columnas con los campos</translation>
    </message>
    <message>
        <source>Columns left as “Do not import” are ignored. Below, the first rows as they will be imported.</source>
        <translation>Las columnas marcadas como “No importar” se omiten. Abajo, las primeras filas tal como se importarán.</translation>
    </message>
    <message>
        <source>Columns and the fields they fill</source>
        <translation>Columnas y los campos que llenan</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Fills the field</source>
        <translation>Llena el campo</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vista previa de las primeras filas</translation>
    </message>
    <message>
        <source>Problems with the matching</source>
        <translation>Problemas al relacionar las columnas</translation>
    </message>
    <message>
        <source>Dates typed as text are written as</source>
        <translation>Las fechas escritas como texto están en el formato</translation>
    </message>
    <message>
        <source>year-month-day (1990-12-31)</source>
        <translation>año-mes-día (1990-12-31)</translation>
    </message>
    <message>
        <source>month/day/year (12/31/1990)</source>
        <translation>mes/día/año (12/31/1990)</translation>
    </message>
    <message>
        <source>day/month/year (31/12/1990)</source>
        <translation>día/mes/año (31/12/1990)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>(no heading)</source>
        <translation>(sin encabezado)</translation>
    </message>
    <message>
        <source>Field for the column “{0}”</source>
        <translation>Campo para la columna “{0}”</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>No importar</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate records</source>
        <translation>Fusionar expedientes duplicados</translation>
    </message>
    <message>
        <source>Case to keep</source>
        <translation>Caso que se conserva</translation>
    </message>
    <message>
        <source>Case merged into it, which goes</source>
        <translation>Caso que se fusiona con él y se elimina</translation>
    </message>
    <message>
        <source>&amp;Find likely duplicates</source>
        <translation>&amp;Buscar posibles duplicados</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>Co&amp;mparar</translation>
    </message>
    <message>
        <source>&amp;Keep case:</source>
        <translation>&amp;Conservar el caso:</translation>
    </message>
    <message>
        <source>Merge &amp;into it:</source>
        <translation>&amp;Fusionar con él:</translation>
    </message>
    <message>
        <source>The case number of the record that goes, again</source>
        <translation>El número de caso del expediente que se elimina, otra vez</translation>
    </message>
    <message>
        <source>Everything recorded about the second case (goals, documents, notes, tasks, consents, placements, services, internships, reviews) moves to the first; blank fields of the first are filled from the second; the second record is removed. This cannot be undone, and it is audited.</source>
        <translation>Todo lo anotado sobre el segundo caso (metas, documentos, notas, tareas, consentimientos, colocaciones, servicios, pasantías, revisiones) pasa al primero; los campos vacíos del primero se llenan con los del segundo; el segundo expediente se elimina. Esto no se puede deshacer y queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Type the case number that goes:</source>
        <translation>&amp;Escriba el número del caso que se elimina:</translation>
    </message>
    <message>
        <source>No likely duplicates of this case.</source>
        <translation>No hay posibles duplicados de este caso.</translation>
    </message>
    <message>
        <source>Likely duplicates: {0}</source>
        <translation>Posibles duplicados: {0}</translation>
    </message>
    <message>
        <source>Keep: {0}</source>
        <translation>Se conserva: {0}</translation>
    </message>
    <message>
        <source>Goes: {0}</source>
        <translation>Se elimina: {0}</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Change the milestone</source>
        <translation>Cambiar el paso</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>Agregar paso</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>What will be done on the way?</source>
        <translation>¿Qué se hará en el camino?</translation>
    </message>
    <message>
        <source>On the person’s plan</source>
        <translation>En el plan de la persona</translation>
    </message>
    <message>
        <source>In the person’s own words and language (optional)</source>
        <translation>En sus propias palabras y en su idioma (opcional)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>The goal&apos;s target date: {0}</source>
        <translation>Plazo de la meta: {0}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Case notes</source>
        <translation>Notas del caso</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What happened, what was agreed, what is next</source>
        <translation>Qué pasó, qué se acordó, qué sigue</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Services given…</source>
        <translation>Servicios prestados…</translation>
    </message>
    <message>
        <source>Contact and date</source>
        <translation>Contacto y fecha</translation>
    </message>
</context>
<context>
    <name>OneTimePassphraseDialog</name>
    <message>
        <source>One-time passphrase</source>
        <translation>Frase de acceso de un solo uso</translation>
    </message>
    <message>
        <source>Give this passphrase to {0} in person. It works once: at their first unlock Case Tracker asks them to choose their own. It is shown only now.</source>
        <translation>Entregue esta frase de acceso a {0} en persona. Sirve una sola vez: la primera vez que desbloquee, Case Tracker le pedirá que elija la suya. Solo se muestra ahora.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Elija una nueva frase de acceso</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de acceso</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repita la nueva frase de acceso</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de acceso no coinciden.</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>Next step</source>
        <translation>Siguiente etapa</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>From the position</source>
        <translation>Según el puesto</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>From the position, or e.g. 16.50</source>
        <translation>Según el puesto, o p. ej. 16.50</translation>
    </message>
    <message>
        <source>Hourly wage</source>
        <translation>Salario por hora</translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation>Motivo o nota</translation>
    </message>
    <message>
        <source>Required when someone exits the pipeline</source>
        <translation>Obligatorio cuando alguien sale del proceso</translation>
    </message>
</context>
<context>
    <name>PlacementTab</name>
    <message>
        <source>Placement history</source>
        <translation>Historial de colocación</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Hours and wage</source>
        <translation>Horas y salario</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Readiness workshops completed</source>
        <translation>Talleres de preparación terminados</translation>
    </message>
    <message>
        <source>Record the next step…</source>
        <translation>Anotar la siguiente etapa…</translation>
    </message>
    <message>
        <source>The newest internship</source>
        <translation>La pasantía más reciente</translation>
    </message>
    <message>
        <source>Internship…</source>
        <translation>Pasantía…</translation>
    </message>
    <message>
        <source>Placement at work…</source>
        <translation>Colocación en el empleo…</translation>
    </message>
    <message>
        <source>The employer&apos;s supervisor and mentor, coaching contacts, and an apprenticeship&apos;s end</source>
        <translation>El/la supervisor/a y el/la mentor/a en la empresa, los contactos de acompañamiento y el final de un aprendizaje</translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation>Ahora: {0}</translation>
    </message>
    <message>
        <source>{0} h/week</source>
        <translation>{0} h/semana</translation>
    </message>
    <message>
        <source>Readiness workshops completed: {0}</source>
        <translation>Talleres de preparación terminados: {0}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
    <message>
        <source>Ready to match: the readiness track is complete</source>
        <translation>Puede pasar a la búsqueda de empleo: terminó la ruta de preparación</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>ended early</source>
        <translation>terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Internship: {0} to {1}, {2}</source>
        <translation>Pasantía: del {0} al {1}, {2}</translation>
    </message>
    <message>
        <source>ends within two weeks</source>
        <translation>termina en menos de dos semanas</translation>
    </message>
</context>
<context>
    <name>PlacementWorkDialog</name>
    <message>
        <source>Placement at work</source>
        <translation>Colocación en el empleo</translation>
    </message>
    <message>
        <source>Apprenticeship</source>
        <translation>Aprendizaje</translation>
    </message>
    <message>
        <source>&amp;Completed</source>
        <translation>Se &amp;completó</translation>
    </message>
    <message>
        <source>Ended &amp;early</source>
        <translation>&amp;Terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Why it ended early</source>
        <translation>Por qué terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Record the e&amp;nd</source>
        <translation>Anotar el &amp;final</translation>
    </message>
    <message>
        <source>Onsite supervisor</source>
        <translation>Supervisor/a en el lugar de trabajo</translation>
    </message>
    <message>
        <source>Supervisor&apos;s work phone or email</source>
        <translation>Teléfono o correo de trabajo del supervisor/a</translation>
    </message>
    <message>
        <source>Work phone or email</source>
        <translation>Teléfono o correo de trabajo</translation>
    </message>
    <message>
        <source>Mentor at the employer</source>
        <translation>Mentor/a en la empresa</translation>
    </message>
    <message>
        <source>Mentor&apos;s work phone or email</source>
        <translation>Teléfono o correo de trabajo del mentor/a</translation>
    </message>
    <message>
        <source>&amp;Save the people</source>
        <translation>&amp;Guardar supervisor/a y mentor/a</translation>
    </message>
    <message>
        <source>The employer&apos;s people (employer details, never shared about the survivor)</source>
        <translation>Personas de la empresa (datos del empleador; nunca se comparten como datos de la persona)</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor/a</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>With whom at the employer</source>
        <translation>Con quién en la empresa</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>A short note</source>
        <translation>Una nota breve</translation>
    </message>
    <message>
        <source>&amp;Add the contact</source>
        <translation>&amp;Agregar el contacto</translation>
    </message>
    <message>
        <source>Coaching contacts with the employer</source>
        <translation>Contactos de acompañamiento con el empleador</translation>
    </message>
    <message>
        <source>No placement at work yet.</source>
        <translation>Todavía no hay una colocación en un empleo.</translation>
    </message>
    <message>
        <source>{0} at {1}, since {2}</source>
        <translation>{0} en {1}, desde el {2}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>ended early</source>
        <translation>terminó antes de tiempo</translation>
    </message>
    <message>
        <source>{0}: {1} to {2} (the term), {3}</source>
        <translation>{0}: del {1} al {2} (duración prevista), {3}</translation>
    </message>
</context>
<context>
    <name>PlanChoiceDialog</name>
    <message>
        <source>What goes on the person’s plan</source>
        <translation>Qué va en el plan de la persona</translation>
    </message>
    <message>
        <source>Tick what the person will read. Legal and health goals start unticked: they are often worded for staff. A goal prints in the person’s own words when it has them.</source>
        <translation>Marque lo que la persona va a leer. Las metas legales y de salud empiezan sin marcar: muchas veces están redactadas para el personal. Una meta se imprime en las propias palabras de la persona cuando las tiene.</translation>
    </message>
    <message>
        <source>Goals and steps for the plan</source>
        <translation>Metas y pasos para el plan</translation>
    </message>
    <message>
        <source>Goal or step</source>
        <translation>Meta o paso</translation>
    </message>
    <message>
        <source>In the person’s words</source>
        <translation>En palabras de la persona</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>{0} (done)</source>
        <translation>{0} (hecho)</translation>
    </message>
    <message>
        <source>Steps for the person</source>
        <translation>Pasos para la persona</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Retention policy</source>
        <translation>Política de conservación</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source>&amp;Closed records are kept</source>
        <translation>Los expedientes &amp;cerrados se conservan</translation>
    </message>
    <message>
        <source>&amp;Sensitive details, after closure</source>
        <translation>&amp;Datos confidenciales, después del cierre</translation>
    </message>
    <message>
        <source>Sca&amp;ns, after a document is recovered</source>
        <translation>Esca&amp;neos, después de recuperar el documento</translation>
    </message>
    <message>
        <source>De-identified &amp;figures, after their period</source>
        <translation>Ci&amp;fras sin datos que identifiquen, después de su período</translation>
    </message>
    <message>
        <source>Sensitive details are the history, record, immigration status, health and safety plan. Federal grant rules ask for figures to be kept at least 3 years after the final report.</source>
        <translation>Los datos confidenciales son la historia, los antecedentes penales, la situación migratoria, la salud y el plan de seguridad. Las reglas de las subvenciones federales piden conservar las cifras al menos 3 años después del informe final.</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Primary language</source>
        <translation>Idioma principal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Remitido/a por</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <source>Case manager</source>
        <translation>Gestor/a de casos</translation>
    </message>
    <message>
        <source>Skills and certifications</source>
        <translation>Habilidades y certificaciones</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
    <message>
        <source>Supports at work</source>
        <translation>Apoyos en el trabajo</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>Editar perfil…</translation>
    </message>
    <message>
        <source>Copy phone</source>
        <translation>Copiar teléfono</translation>
    </message>
    <message>
        <source>Cleared from the clipboard after 30 seconds</source>
        <translation>Se borra del portapapeles después de 30 segundos</translation>
    </message>
    <message>
        <source>Copy email</source>
        <translation>Copiar correo</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) a week</source>
        <translation>
            <numerusform>%n hora por semana</numerusform>
            <numerusform>%n horas por semana</numerusform>
        </translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>desde el {0}</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge a closed case</source>
        <translation>Eliminar definitivamente un caso cerrado</translation>
    </message>
    <message>
        <source>Purging removes case {0} and everything recorded about this survivor — profile, notes, goals, documents and scans, consents, placement and reviews — for good. It cannot be undone, and a backup made earlier still holds it. The audit trail keeps only that the case was purged, by whom and when.</source>
        <translation>Eliminar definitivamente el caso {0} borra para siempre todo lo que se ha registrado sobre esta persona: perfil, notas, metas, documentos y escaneos, consentimientos, colocación y revisiones. No se puede deshacer, y una copia de seguridad hecha antes todavía lo conserva. El registro de auditoría solo guarda que el caso se eliminó, quién lo hizo y cuándo.</translation>
    </message>
    <message>
        <source>Type the case number to confirm:</source>
        <translation>Escriba el número de caso para confirmar:</translation>
    </message>
    <message>
        <source>Case number to confirm</source>
        <translation>Número de caso para confirmar</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Eliminar definitivamente</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Safe-contact rules</source>
        <translation>Reglas de contacto seguro</translation>
    </message>
    <message>
        <source>Purge case…</source>
        <translation>Eliminar caso…</translation>
    </message>
    <message>
        <source>Remove this closed case for good</source>
        <translation>Eliminar para siempre este caso cerrado</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Employment profile</source>
        <translation>Perfil de empleo</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Colocación</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Safe contact: {0}</source>
        <translation>Contacto seguro: {0}</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Reabrir caso</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Cerrar caso</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Obstáculos</translation>
    </message>
    <message>
        <source>Goals and plans</source>
        <translation>Metas y planes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Confidencial</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Unlock with the recovery key</source>
        <translation>Desbloquear con la clave de recuperación</translation>
    </message>
    <message>
        <source>Type the recovery key and choose a new passphrase for the account. The recovery key then stops working and a new one is shown.</source>
        <translation>Escriba la clave de recuperación y elija una nueva frase de acceso para la cuenta. Después, esa clave de recuperación deja de funcionar y se muestra una nueva.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de acceso</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repita la nueva frase de acceso</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de acceso no coinciden.</translation>
    </message>
</context>
<context>
    <name>RecoveryKey</name>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Make a new recovery key? The one printed before stops working at once. Have a printer or pen and paper ready: the new key is shown only once.</source>
        <translation>¿Crear una nueva clave de recuperación? La que se imprimió antes deja de funcionar de inmediato. Tenga lista una impresora, o papel y lápiz: la nueva clave se muestra una sola vez.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>This recovery key opens the database if every passphrase is forgotten. It is shown only now. Print it or write it down, and keep it locked away from the laptop.</source>
        <translation>Esta clave de recuperación abre la base de datos si se olvidan todas las frases de acceso. Solo se muestra ahora. Imprímala o anótela, y guárdela bajo llave, lejos de la computadora.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>Ya imprimí o anoté la clave de recuperación</translation>
    </message>
    <message>
        <source>Group {0} of the key</source>
        <translation>Grupo {0} de la clave</translation>
    </message>
    <message>
        <source>To be sure it was kept, type these groups from your paper (the key&apos;s groups are counted from the left):</source>
        <translation>Para confirmar que la guardó, escriba estos grupos tal como están en su papel (los grupos de la clave se cuentan desde la izquierda):</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Case Tracker recovery key&lt;/h1&gt;&lt;p style=&apos;font-size:20pt; font-family:monospace&apos;&gt;{0}&lt;/p&gt;&lt;p&gt;Keep this sheet locked away, apart from the laptop. It opens the database when every passphrase is forgotten; after it is used, Case Tracker shows a new one.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Clave de recuperación de Case Tracker&lt;/h1&gt;&lt;p style=&apos;font-size:20pt; font-family:monospace&apos;&gt;{0}&lt;/p&gt;&lt;p&gt;Guarde esta hoja bajo llave, lejos de la computadora. Abre la base de datos cuando se olvidan todas las frases de acceso; después de usarla, Case Tracker muestra una nueva.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>The backup is checked (a supervisor&apos;s passphrase of the backup must open it, and every page must authenticate), then copied into a new database file. The database open now is not changed. To work in the restored one, lock and choose Open another database… on the lock screen.</source>
        <translation>Primero se revisa la copia de seguridad (debe abrirla la frase de acceso de una cuenta de supervisión de la copia, y todas las páginas deben autenticarse); después se copia en un archivo de base de datos nuevo. La base de datos abierta ahora no cambia. Para trabajar en la restaurada, bloquee y elija Abrir otra base de datos… en la pantalla de bloqueo.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Archivo de la copia de seguridad</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>Archivo de la nueva base de datos</translation>
    </message>
    <message>
        <source>Supervisor account of the backup</source>
        <translation>Cuenta de supervisión de la copia de seguridad</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Elija el archivo de la copia de seguridad</translation>
    </message>
    <message>
        <source>Supervisor account</source>
        <translation>Cuenta de supervisión</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Elija una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the backup file to restore.</source>
        <translation>Elija el archivo de la copia de seguridad que quiere restaurar.</translation>
    </message>
    <message>
        <source>Give the whole path of the new database file.</source>
        <translation>Escriba la ruta completa del archivo de la nueva base de datos.</translation>
    </message>
    <message>
        <source>That is the database open now: a backup is always restored into a new file.</source>
        <translation>Esa es la base de datos abierta ahora: una copia de seguridad siempre se restaura en un archivo nuevo.</translation>
    </message>
    <message>
        <source>There is already a file at {0}; choose a new name.</source>
        <translation>Ya hay un archivo en {0}; elija otro nombre.</translation>
    </message>
</context>
<context>
    <name>RetentionWindow</name>
    <message>
        <source>Retention</source>
        <translation>Conservación</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>Expediente completo</translation>
    </message>
    <message>
        <source>Sensitive details</source>
        <translation>Datos confidenciales</translation>
    </message>
    <message>
        <source>Scans of recovered documents</source>
        <translation>Escaneos de documentos recuperados</translation>
    </message>
    <message>
        <source>Due for purge</source>
        <translation>Para eliminar</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Vencido desde</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Purge all due…</source>
        <translation>Eliminar todo lo vencido…</translation>
    </message>
    <message>
        <source>Change the &amp;policy…</source>
        <translation>Cambiar la &amp;política…</translation>
    </message>
    <message>
        <source>Legal holds</source>
        <translation>Retenciones legales</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Placed by</source>
        <translation>Puesta por</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Place a &amp;hold…</source>
        <translation>Poner una &amp;retención…</translation>
    </message>
    <message>
        <source>&amp;Lift the hold</source>
        <translation>&amp;Levantar la retención</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Legal holds: nothing of these cases is purged</source>
        <translation>Retenciones legales: nada de estos casos se elimina</translation>
    </message>
    <message>
        <source>Policy: closed records kept {0} months; sensitive details {1} months after closure; scans {2} months after a document is recovered; de-identified figures {3} years.</source>
        <translation>Política: los expedientes cerrados se conservan {0} meses; los datos confidenciales, {1} meses después del cierre; los escaneos, {2} meses después de recuperar el documento; las cifras sin datos que identifiquen a nadie, {3} años.</translation>
    </message>
    <message>
        <source>{0} case(s) due for purge.</source>
        <translation>{0} caso(s) para eliminar.</translation>
    </message>
    <message>
        <source>Nothing is due for purge.</source>
        <translation>No hay nada para eliminar.</translation>
    </message>
    <message>
        <source>{0} backup(s) made before a purge still hold what it removed; make a new backup, then prune the old ones (&apos;casetracker backup --prune&apos;).</source>
        <translation>{0} copia(s) de seguridad hechas antes de una eliminación todavía guardan lo eliminado; haga una copia nueva y luego quite las antiguas (&apos;casetracker backup --prune&apos;).</translation>
    </message>
    <message>
        <source>Purged {0} case(s) ({1} whole). {2}</source>
        <translation>Se eliminaron {0} caso(s) ({1} completos). {2}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Case review</source>
        <translation>Revisión del caso</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Required actions, one per line</source>
        <translation>Acciones necesarias, una por línea</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Required actions, one per line: each becomes a task for the case manager, due in 14 days, or by the date that ends its line (&quot;Request the state ID by 2026-12-20&quot;)</source>
        <translation>Acciones requeridas, una por línea: cada una se convierte en una tarea para el/la gestor/a de casos, para dentro de 14 días, o para la fecha con que termina la línea (&quot;Pedir la identificación estatal para el 2026-12-20&quot;)</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Case reviews</source>
        <translation>Revisiones del caso</translation>
    </message>
    <message>
        <source>Record a review…</source>
        <translation>Anotar una revisión…</translation>
    </message>
    <message>
        <source>signed off</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>not signed off</source>
        <translation>sin aprobar</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a laptop</source>
        <translation>Revocar una computadora</translation>
    </message>
    <message>
        <source>After revoking {0}, every laptop of the program refuses what it sends, and the sync key changes so that it can read nothing written from now on. It cannot be undone: the laptop would have to be enrolled again.</source>
        <translation>Después de revocar {0}, todas las computadoras del programa rechazan lo que envíe, y la clave de sincronización cambia para que no pueda leer nada de lo que se escriba desde ahora. No se puede deshacer: habría que inscribir la computadora otra vez.</translation>
    </message>
    <message>
        <source>Type the laptop&apos;s name to confirm:</source>
        <translation>Escriba el nombre de la computadora para confirmar:</translation>
    </message>
    <message>
        <source>The laptop&apos;s name</source>
        <translation>Nombre de la computadora</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Revoke the release to {0}</source>
        <translation>Revocar la autorización para {0}</translation>
    </message>
    <message>
        <source>How it was revoked</source>
        <translation>Cómo se revocó</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Revocada el</translation>
    </message>
    <message>
        <source>It stops at once: nothing more is shared under it, and nothing prepared under it can be saved.</source>
        <translation>Deja de valer de inmediato: no se comparte nada más con ella, y nada preparado con ella se puede guardar.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change the role of {0}</source>
        <translation>Cambiar el rol de {0}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <source>Scan</source>
        <translation>Escaneo</translation>
    </message>
    <message>
        <source>Scanned image</source>
        <translation>Imagen escaneada</translation>
    </message>
</context>
<context>
    <name>SensitiveTab</name>
    <message>
        <source>Sensitive: never shared, never exported. Opening this tab is recorded in the audit trail.</source>
        <translation>Confidencial: nunca se comparte ni se exporta. Cada vez que se abre esta pestaña queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Trafficking type</source>
        <translation>Tipo de trata</translation>
    </message>
    <message>
        <source>Vacatur</source>
        <translation>Anulación de condena (vacatur)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Criminal record</source>
        <translation>Antecedentes penales</translation>
    </message>
    <message>
        <source>Immigration status</source>
        <translation>Situación migratoria</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <source>Save sensitive details</source>
        <translation>Guardar datos confidenciales</translation>
    </message>
</context>
<context>
    <name>ServiceProgress</name>
    <message>
        <source>Case Tracker</source>
        <translation>Case Tracker</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{0}
{1} rows so far</source>
        <translation>{0}
{1} filas hasta ahora</translation>
    </message>
</context>
<context>
    <name>ServicesDialog</name>
    <message>
        <source>Services given</source>
        <translation>Servicios prestados</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>not noted</source>
        <translation>sin anotar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Optional: what it was, in a few words</source>
        <translation>Opcional: qué fue, en pocas palabras</translation>
    </message>
    <message>
        <source>Record service</source>
        <translation>Anotar el servicio</translation>
    </message>
    <message>
        <source>Take back the selected</source>
        <translation>Quitar el seleccionado</translation>
    </message>
    <message>
        <source>Service, date and minutes</source>
        <translation>Servicio, fecha y minutos</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>Bloquear tras inactividad</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nombre de la organización</translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation>Dirección de la organización</translation>
    </message>
    <message>
        <source>Organisation phone</source>
        <translation>Teléfono de la organización</translation>
    </message>
    <message>
        <source>Logo: as before</source>
        <translation>Logotipo: sin cambios</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Elegir logotipo…</translation>
    </message>
    <message>
        <source>Your name on letters</source>
        <translation>Su nombre en las cartas</translation>
    </message>
    <message>
        <source>Blank: your account name</source>
        <translation>En blanco: el nombre de su cuenta</translation>
    </message>
    <message>
        <source>Your job title</source>
        <translation>Su cargo</translation>
    </message>
    <message>
        <source>Employment coordinator</source>
        <translation>Coordinador/a de empleo</translation>
    </message>
    <message>
        <source>Yours, kept with your account: your letters are signed with this name and title.</source>
        <translation>Datos suyos, guardados con su cuenta: sus cartas se firman con este nombre y este cargo.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>El mismo de esta computadora</translation>
    </message>
    <message>
        <source>Your own choice, kept with your account: it is used from your next unlock.</source>
        <translation>Es su propia elección y se guarda con su cuenta: se usa a partir de la próxima vez que desbloquee.</translation>
    </message>
    <message>
        <source>Only a supervisor can change these.</source>
        <translation>Solo una cuenta de supervisión puede cambiar esto.</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>None: this laptop does not sync</source>
        <translation>Ninguna: esta computadora no se sincroniza</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <source>This laptop&apos;s own: a folder every laptop of the program sees. Synced every few minutes while unlocked.</source>
        <translation>Propia de esta computadora: una carpeta que ven todas las computadoras del programa. Se sincroniza cada pocos minutos mientras Case Tracker está desbloqueado.</translation>
    </message>
    <message>
        <source>These settings are the program&apos;s own: every laptop of the program takes them, and a supervisor&apos;s change reaches them all. What stays on this laptop: its sync folder, and each person&apos;s language and name on letters.</source>
        <translation>Esta configuración es del programa: todas las computadoras del programa la toman, y un cambio de un/a supervisor/a llega a todas. Lo que se queda en esta computadora: su carpeta de sincronización, y el idioma y el nombre en las cartas de cada persona.</translation>
    </message>
    <message>
        <source>The program</source>
        <translation>El programa</translation>
    </message>
    <message>
        <source>Readiness track: the workshops a survivor completes to be ready to match (listed first in matching).</source>
        <translation>Ruta de preparación: los talleres que una persona termina para pasar a la búsqueda de empleo (quienes la terminaron aparecen primero entre los candidatos).</translation>
    </message>
    <message>
        <source>Service t&amp;ypes the program adds (one a line):</source>
        <translation>&amp;Tipos de servicio que agrega el programa (uno por línea):</translation>
    </message>
    <message>
        <source>Service types the program adds</source>
        <translation>Tipos de servicio que agrega el programa</translation>
    </message>
    <message>
        <source>For example: Child care</source>
        <translation>Por ejemplo: Cuidado infantil</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>Letters and profiles go out without the organisation&apos;s {0} until it is set here.</source>
        <translation>Las cartas y los perfiles salen sin estos datos de la organización hasta que se indiquen aquí: {0}.</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Vista previa del logotipo</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Letterhead logo</source>
        <translation>Logotipo del membrete</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>New logo chosen ({0} KiB)</source>
        <translation>Nuevo logotipo elegido ({0} KiB)</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Records side by side</source>
        <translation>Expedientes lado a lado</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Legal first name</source>
        <translation>Nombre(s) legal(es)</translation>
    </message>
    <message>
        <source>Legal last name</source>
        <translation>Apellido(s) legal(es)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Case manager</source>
        <translation>Gestor/a de casos</translation>
    </message>
</context>
<context>
    <name>StaffNameDialog</name>
    <message>
        <source>How {0} signs letters</source>
        <translation>Cómo firma {0} las cartas</translation>
    </message>
    <message>
        <source>Name on letters</source>
        <translation>Nombre en las cartas</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Placement stage</source>
        <translation>Etapa de colocación</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>The survivors are in the caseload now.</source>
        <translation>Las personas ya están en la lista de casos.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Survivors imported: {0}, from {1}.</source>
        <translation>Personas importadas: {0}, desde {1}.</translation>
    </message>
    <message>
        <source>Columns not imported: {0}.</source>
        <translation>Columnas no importadas: {0}.</translation>
    </message>
</context>
<context>
    <name>SurvivorDialog</name>
    <message>
        <source>New survivor</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Editar perfil</translation>
    </message>
    <message>
        <source>Survivor details</source>
        <translation>Datos de la persona</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Safe contact</source>
        <translation>Contacto seguro</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Leave empty to number it automatically</source>
        <translation>Déjelo vacío para numerarlo automáticamente</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Legal first name</source>
        <translation>Nombre(s) legal(es)</translation>
    </message>
    <message>
        <source>Legal last name</source>
        <translation>Apellido(s) legal(es)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Only as the person gives it; never shared</source>
        <translation>Solo como la persona lo indique; nunca se comparte</translation>
    </message>
    <message>
        <source>Gender in their own words</source>
        <translation>Género en sus propias palabras</translation>
    </message>
    <message>
        <source>In their own words</source>
        <translation>En sus propias palabras</translation>
    </message>
    <message>
        <source>Primary language</source>
        <translation>Idioma principal</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Remitido/a por</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Safe to contact by</source>
        <translation>Medios de contacto seguros</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Leave voicemail</source>
        <translation>Dejar mensaje de voz</translation>
    </message>
    <message>
        <source>Safe times</source>
        <translation>Horarios seguros</translation>
    </message>
    <message>
        <source>Nothing is ticked until the person says it is safe.</source>
        <translation>No se marca nada hasta que la persona diga que es seguro.</translation>
    </message>
    <message>
        <source>Skills and certifications</source>
        <translation>Habilidades y certificaciones</translation>
    </message>
    <message>
        <source>Separate with ;</source>
        <translation>Separe con ;</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Todavía no se sabe</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Puede empezar desde</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Supports at work</source>
        <translation>Apoyos en el trabajo</translation>
    </message>
    <message>
        <source>In neutral words, e.g. &apos;needs a predictable schedule&apos;</source>
        <translation>En palabras neutrales, p. ej. &apos;necesita un horario fijo&apos;</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Tasks and follow-ups</source>
        <translation>Tareas y seguimientos</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <source>New task or follow-up</source>
        <translation>Nueva tarea o seguimiento</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>A step for the survivor</source>
        <translation>Un paso para la persona</translation>
    </message>
    <message>
        <source>Steps for the survivor are printed on their own plan; other tasks stay with staff.</source>
        <translation>Los pasos para la persona se imprimen en su propio plan; las demás tareas quedan para el personal.</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Agregar tarea</translation>
    </message>
    <message>
        <source>On the survivor&apos;s plan</source>
        <translation>En el plan de la persona</translation>
    </message>
    <message>
        <source>Print the chosen task on the survivor&apos;s plan as their step, or take it off</source>
        <translation>Imprimir la tarea elegida en el plan de la persona como uno de sus pasos, o quitarla del plan</translation>
    </message>
    <message>
        <source>{0} — due {1}</source>
        <translation>{0} — fecha límite: {1}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>atrasada</translation>
    </message>
    <message>
        <source>on the survivor’s plan</source>
        <translation>en el plan de la persona</translation>
    </message>
    <message>
        <source>Tick off a task</source>
        <translation>Marcar una tarea como hecha</translation>
    </message>
    <message>
        <source>Reopen a task</source>
        <translation>Reabrir una tarea</translation>
    </message>
    <message>
        <source>Put a task on the survivor&apos;s plan</source>
        <translation>Poner una tarea en el plan de la persona</translation>
    </message>
    <message>
        <source>Take a task off the survivor&apos;s plan</source>
        <translation>Quitar una tarea del plan de la persona</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Exchange changes with the program&apos;s other laptops through the sync folder</source>
        <translation>Intercambiar cambios con las demás computadoras del programa a través de la carpeta de sincronización</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>C&amp;onflictos…</translation>
    </message>
    <message>
        <source>E&amp;nroll a laptop…</source>
        <translation>&amp;Inscribir una computadora…</translation>
    </message>
    <message>
        <source>Write an enrollment file from which another laptop joins this program</source>
        <translation>Escribir un archivo de inscripción con el que otra computadora se une a este programa</translation>
    </message>
    <message>
        <source>&amp;Laptops…</source>
        <translation>Co&amp;mputadoras…</translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation>Sincronización: {0}</translation>
    </message>
    <message>
        <source>Sync: the sync folder could not be read or written</source>
        <translation>Sincronización: no se pudo leer ni escribir en la carpeta de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>Synced: sent %n change(s)</source>
        <translation>
            <numerusform>Sincronizado: se envió %n cambio</numerusform>
            <numerusform>Sincronizado: se enviaron %n cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, received %n change(s)</source>
        <translation>
            <numerusform>, se recibió %n cambio</numerusform>
            <numerusform>, se recibieron %n cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n conflict(s) waiting</source>
        <translation>
            <numerusform>, %n conflicto pendiente</numerusform>
            <numerusform>, %n conflictos pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n bundle(s) refused (see casetracker sync)</source>
        <translation>
            <numerusform>; se rechazó %n paquete (vea casetracker sync)</numerusform>
            <numerusform>; se rechazaron %n paquetes (vea casetracker sync)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n bundle(s) waiting</source>
        <translation>
            <numerusform>; %n paquete en espera</numerusform>
            <numerusform>; %n paquetes en espera</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Referral letter template</source>
        <translation>Plantilla de la carta de referencia</translation>
    </message>
    <message>
        <source>Placeholders are filled only with what the survivor consented to share: {0}. Anything else typed here is printed as it stands, and a letter that would show a withheld detail is refused.</source>
        <translation>Los campos variables se llenan solo con lo que la persona aceptó compartir: {0}. Todo lo demás que escriba aquí se imprime tal cual, y se rechaza una carta que mostraría un dato reservado.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message>
        <source>Workshop attendance</source>
        <translation>Asistencia a talleres</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador/a</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <translation>Organización aliada</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Buscar a una persona</translation>
    </message>
    <message>
        <source>Find by case number or name</source>
        <translation>Buscar por número de caso o nombre</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminó</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) marked as attending</source>
        <translation>
            <numerusform>%n persona marcada como asistente</numerusform>
            <numerusform>%n personas marcadas como asistentes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This is the demonstration database: every person in it is made up. Every demo account&apos;s passphrase is “{0}”. To set up your program&apos;s own database, choose “Set up your program&apos;s database…” below.</source>
        <translation>Esta es la base de datos de demostración: todas las personas que aparecen son inventadas. La frase de acceso de cada cuenta de demostración es “{0}”. Para crear la base de datos de su programa, elija “Configurar la base de datos de su programa…” abajo.</translation>
    </message>
    <message>
        <source>Case Tracker</source>
        <translation>Case Tracker</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>added a barrier</source>
        <translation>agregó un obstáculo</translation>
    </message>
    <message>
        <source>added a document</source>
        <translation>agregó un documento</translation>
    </message>
    <message>
        <source>added a goal</source>
        <translation>agregó una meta</translation>
    </message>
    <message>
        <source>added a milestone</source>
        <translation>agregó un paso</translation>
    </message>
    <message>
        <source>added a position</source>
        <translation>agregó un puesto</translation>
    </message>
    <message>
        <source>added a task</source>
        <translation>agregó una tarea</translation>
    </message>
    <message>
        <source>added a workshop</source>
        <translation>agregó un taller</translation>
    </message>
    <message>
        <source>added an account</source>
        <translation>agregó una cuenta</translation>
    </message>
    <message>
        <source>added an employer</source>
        <translation>agregó un empleador</translation>
    </message>
    <message>
        <source>assigned a case</source>
        <translation>asignó un caso</translation>
    </message>
    <message>
        <source>attached a scan</source>
        <translation>adjuntó un escaneo</translation>
    </message>
    <message>
        <source>changed a case&apos;s status</source>
        <translation>cambió el estado de un caso</translation>
    </message>
    <message>
        <source>changed a document&apos;s status</source>
        <translation>cambió el estado de un documento</translation>
    </message>
    <message>
        <source>changed a passphrase</source>
        <translation>cambió una frase de acceso</translation>
    </message>
    <message>
        <source>changed an account&apos;s display name</source>
        <translation>cambió el nombre con que firma una cuenta</translation>
    </message>
    <message>
        <source>changed an account&apos;s role</source>
        <translation>cambió el rol de una cuenta</translation>
    </message>
    <message>
        <source>changed the letter template</source>
        <translation>cambió la plantilla de carta</translation>
    </message>
    <message>
        <source>changed the logo</source>
        <translation>cambió el logotipo</translation>
    </message>
    <message>
        <source>changed the retention policy</source>
        <translation>cambió la política de conservación</translation>
    </message>
    <message>
        <source>changed the settings</source>
        <translation>cambió la configuración</translation>
    </message>
    <message>
        <source>checked a new record for duplicates</source>
        <translation>buscó duplicados de un expediente nuevo</translation>
    </message>
    <message>
        <source>checked in on a goal</source>
        <translation>anotó una revisión del avance de una meta</translation>
    </message>
    <message>
        <source>checked the database</source>
        <translation>revisó la base de datos</translation>
    </message>
    <message>
        <source>chose a language</source>
        <translation>eligió un idioma</translation>
    </message>
    <message>
        <source>closed a position</source>
        <translation>cerró un puesto</translation>
    </message>
    <message>
        <source>completed a milestone</source>
        <translation>cumplió un paso</translation>
    </message>
    <message>
        <source>completed a task</source>
        <translation>terminó una tarea</translation>
    </message>
    <message>
        <source>could not write an export</source>
        <translation>no pudo escribir una exportación</translation>
    </message>
    <message>
        <source>countersigned the audit trail</source>
        <translation>refrendó el registro de auditoría</translation>
    </message>
    <message>
        <source>created the database</source>
        <translation>creó la base de datos</translation>
    </message>
    <message>
        <source>discarded an unfinished key change</source>
        <translation>descartó un cambio de clave sin terminar</translation>
    </message>
    <message>
        <source>ended an apprenticeship</source>
        <translation>terminó un aprendizaje</translation>
    </message>
    <message>
        <source>ended an internship</source>
        <translation>terminó una pasantía</translation>
    </message>
    <message>
        <source>enrolled a laptop</source>
        <translation>inscribió una computadora</translation>
    </message>
    <message>
        <source>exported a referral letter</source>
        <translation>exportó una carta de referencia</translation>
    </message>
    <message>
        <source>exported an employer profile</source>
        <translation>exportó un perfil para un empleador</translation>
    </message>
    <message>
        <source>exported the survivor&apos;s plan</source>
        <translation>exportó el plan de la persona</translation>
    </message>
    <message>
        <source>failed to unlock</source>
        <translation>no pudo desbloquear</translation>
    </message>
    <message>
        <source>finished changing the database key</source>
        <translation>terminó de cambiar la clave de la base de datos</translation>
    </message>
    <message>
        <source>found an untrusted audit signature</source>
        <translation>encontró una firma de auditoría no confiable</translation>
    </message>
    <message>
        <source>imported survivors</source>
        <translation>importó personas</translation>
    </message>
    <message>
        <source>joined a team</source>
        <translation>se unió a un equipo</translation>
    </message>
    <message>
        <source>joined this laptop to a program</source>
        <translation>unió esta computadora a un programa</translation>
    </message>
    <message>
        <source>kept the copy made before an upgrade</source>
        <translation>conservó la copia hecha antes de una actualización</translation>
    </message>
    <message>
        <source>lifted a legal hold</source>
        <translation>levantó una retención legal</translation>
    </message>
    <message>
        <source>listed sync conflicts</source>
        <translation>vio los conflictos de sincronización</translation>
    </message>
    <message>
        <source>listed what is due for purge</source>
        <translation>vio lo que ya se debe eliminar</translation>
    </message>
    <message>
        <source>listed who may be referred</source>
        <translation>vio a quién se puede referir</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueó</translation>
    </message>
    <message>
        <source>looked behind a dashboard figure</source>
        <translation>vio los casos detrás de una cifra del panel</translation>
    </message>
    <message>
        <source>looked for duplicates of a case</source>
        <translation>buscó duplicados de un caso</translation>
    </message>
    <message>
        <source>made a backup</source>
        <translation>hizo una copia de seguridad</translation>
    </message>
    <message>
        <source>made a caseload report</source>
        <translation>hizo un informe de casos</translation>
    </message>
    <message>
        <source>made a funder report</source>
        <translation>hizo un informe para financiadores</translation>
    </message>
    <message>
        <source>made a new sync key after a laptop was revoked elsewhere</source>
        <translation>creó una nueva clave de sincronización porque se revocó una computadora en otro lugar</translation>
    </message>
    <message>
        <source>made an outcomes report</source>
        <translation>hizo un informe de resultados</translation>
    </message>
    <message>
        <source>made demonstration data</source>
        <translation>creó datos de demostración</translation>
    </message>
    <message>
        <source>marked the database as a demonstration</source>
        <translation>marcó la base de datos como de demostración</translation>
    </message>
    <message>
        <source>merged another record into this case</source>
        <translation>unió otro expediente a este caso</translation>
    </message>
    <message>
        <source>merged this record into another case</source>
        <translation>unió este expediente a otro caso</translation>
    </message>
    <message>
        <source>moved a placement along</source>
        <translation>anotó la siguiente etapa de una colocación</translation>
    </message>
    <message>
        <source>named a placement&apos;s supervisor and mentor</source>
        <translation>indicó el/la supervisor/a y el/la mentor/a de una colocación</translation>
    </message>
    <message>
        <source>opened a position</source>
        <translation>abrió un puesto</translation>
    </message>
    <message>
        <source>opened a record</source>
        <translation>abrió un expediente</translation>
    </message>
    <message>
        <source>placed a legal hold</source>
        <translation>puso una retención legal</translation>
    </message>
    <message>
        <source>printed a release form</source>
        <translation>imprimió un formulario de autorización</translation>
    </message>
    <message>
        <source>purged a case</source>
        <translation>eliminó definitivamente un caso</translation>
    </message>
    <message>
        <source>purged part of a record</source>
        <translation>eliminó definitivamente parte de un expediente</translation>
    </message>
    <message>
        <source>purged what was due</source>
        <translation>eliminó definitivamente lo que ya vencía</translation>
    </message>
    <message>
        <source>put a task on the survivor&apos;s plan</source>
        <translation>puso una tarea en el plan de la persona</translation>
    </message>
    <message>
        <source>ranked candidates for a position</source>
        <translation>ordenó candidatos/as para un puesto</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>leyó el registro de auditoría</translation>
    </message>
    <message>
        <source>received an account&apos;s change from another laptop</source>
        <translation>recibió de otra computadora un cambio de una cuenta</translation>
    </message>
    <message>
        <source>received an account&apos;s key from another laptop</source>
        <translation>recibió de otra computadora la clave de una cuenta</translation>
    </message>
    <message>
        <source>received an account&apos;s removal from another laptop</source>
        <translation>recibió de otra computadora que se quitó una cuenta</translation>
    </message>
    <message>
        <source>recorded a case review</source>
        <translation>anotó una revisión del caso</translation>
    </message>
    <message>
        <source>recorded a coaching contact with an employer</source>
        <translation>anotó un acompañamiento con un empleador</translation>
    </message>
    <message>
        <source>recorded a consent</source>
        <translation>anotó una autorización</translation>
    </message>
    <message>
        <source>recorded a consent&apos;s withdrawal</source>
        <translation>anotó que se revocó una autorización</translation>
    </message>
    <message>
        <source>recorded a decision about an employer&apos;s restrictions</source>
        <translation>anotó una decisión sobre las restricciones de un empleador</translation>
    </message>
    <message>
        <source>recorded a service</source>
        <translation>anotó un servicio</translation>
    </message>
    <message>
        <source>recorded an employer&apos;s self-assessment</source>
        <translation>anotó la autoevaluación de un empleador</translation>
    </message>
    <message>
        <source>recorded an internship week</source>
        <translation>anotó una semana de pasantía</translation>
    </message>
    <message>
        <source>recorded workshop attendance</source>
        <translation>anotó la asistencia a un taller</translation>
    </message>
    <message>
        <source>removed a milestone</source>
        <translation>quitó un paso</translation>
    </message>
    <message>
        <source>removed a purged case&apos;s old copies</source>
        <translation>quitó las copias antiguas de un caso eliminado</translation>
    </message>
    <message>
        <source>removed a service</source>
        <translation>quitó un servicio</translation>
    </message>
    <message>
        <source>removed a workshop</source>
        <translation>quitó un taller</translation>
    </message>
    <message>
        <source>removed an account</source>
        <translation>quitó una cuenta</translation>
    </message>
    <message>
        <source>removed an account&apos;s old copies</source>
        <translation>quitó las copias antiguas de una cuenta</translation>
    </message>
    <message>
        <source>removed backups that held purged cases</source>
        <translation>quitó copias de seguridad que guardaban casos eliminados</translation>
    </message>
    <message>
        <source>removed copies that held purged cases</source>
        <translation>quitó copias que guardaban casos eliminados</translation>
    </message>
    <message>
        <source>removed the copy made before an upgrade</source>
        <translation>quitó la copia hecha antes de una actualización</translation>
    </message>
    <message>
        <source>reopened a barrier</source>
        <translation>reabrió un obstáculo</translation>
    </message>
    <message>
        <source>reopened a milestone</source>
        <translation>reabrió un paso</translation>
    </message>
    <message>
        <source>reopened a task</source>
        <translation>reabrió una tarea</translation>
    </message>
    <message>
        <source>replaced an audit signing key</source>
        <translation>reemplazó una clave de firma de la auditoría</translation>
    </message>
    <message>
        <source>replaced the recovery key</source>
        <translation>reemplazó la clave de recuperación</translation>
    </message>
    <message>
        <source>reset a passphrase</source>
        <translation>restableció una frase de acceso</translation>
    </message>
    <message>
        <source>resolved a barrier</source>
        <translation>resolvió un obstáculo</translation>
    </message>
    <message>
        <source>restored a backup</source>
        <translation>restauró una copia de seguridad</translation>
    </message>
    <message>
        <source>revoked a laptop</source>
        <translation>revocó una computadora</translation>
    </message>
    <message>
        <source>saved a new case despite a likely duplicate</source>
        <translation>guardó un caso nuevo aunque probablemente era un duplicado</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>buscó</translation>
    </message>
    <message>
        <source>set the sync folder</source>
        <translation>indicó la carpeta de sincronización</translation>
    </message>
    <message>
        <source>settled a sync conflict</source>
        <translation>resolvió un conflicto de sincronización</translation>
    </message>
    <message>
        <source>started changing the database key</source>
        <translation>empezó a cambiar la clave de la base de datos</translation>
    </message>
    <message>
        <source>started team use</source>
        <translation>empezó el uso en equipo</translation>
    </message>
    <message>
        <source>strengthened an account&apos;s passphrase protection</source>
        <translation>reforzó la protección de la frase de acceso de una cuenta</translation>
    </message>
    <message>
        <source>synchronised with the team</source>
        <translation>se sincronizó con el equipo</translation>
    </message>
    <message>
        <source>took a task off the survivor&apos;s plan</source>
        <translation>quitó una tarea del plan de la persona</translation>
    </message>
    <message>
        <source>took in a new case</source>
        <translation>abrió un caso nuevo</translation>
    </message>
    <message>
        <source>took the recovery key made on another laptop</source>
        <translation>tomó la clave de recuperación creada en otra computadora</translation>
    </message>
    <message>
        <source>trusted a laptop</source>
        <translation>confió en una computadora</translation>
    </message>
    <message>
        <source>undid a document change</source>
        <translation>deshizo un cambio de un documento</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>desbloqueó</translation>
    </message>
    <message>
        <source>unlocked with a recovery key</source>
        <translation>desbloqueó con una clave de recuperación</translation>
    </message>
    <message>
        <source>updated a document</source>
        <translation>actualizó un documento</translation>
    </message>
    <message>
        <source>updated a goal</source>
        <translation>actualizó una meta</translation>
    </message>
    <message>
        <source>updated a milestone</source>
        <translation>actualizó un paso</translation>
    </message>
    <message>
        <source>updated a record</source>
        <translation>actualizó un expediente</translation>
    </message>
    <message>
        <source>updated an employer</source>
        <translation>actualizó un empleador</translation>
    </message>
    <message>
        <source>updated an internship</source>
        <translation>actualizó una pasantía</translation>
    </message>
    <message>
        <source>updated sensitive details</source>
        <translation>actualizó datos confidenciales</translation>
    </message>
    <message>
        <source>verified the audit trail</source>
        <translation>verificó el registro de auditoría</translation>
    </message>
    <message>
        <source>viewed a scan</source>
        <translation>vio un escaneo</translation>
    </message>
    <message>
        <source>viewed an employment profile</source>
        <translation>vio un perfil de empleo</translation>
    </message>
    <message>
        <source>viewed part of a record</source>
        <translation>vio parte de un expediente</translation>
    </message>
    <message>
        <source>viewed sensitive details</source>
        <translation>vio datos confidenciales</translation>
    </message>
    <message>
        <source>viewed the caseload</source>
        <translation>vio la lista de casos</translation>
    </message>
    <message>
        <source>viewed the dashboard</source>
        <translation>vio el panel de supervisión</translation>
    </message>
    <message>
        <source>viewed the reviews due</source>
        <translation>vio las revisiones pendientes</translation>
    </message>
    <message>
        <source>viewed the tasks</source>
        <translation>vio las tareas</translation>
    </message>
    <message>
        <source>was refused</source>
        <translation>fue rechazado/a</translation>
    </message>
    <message>
        <source>was refused an export</source>
        <translation>no se le permitió una exportación</translation>
    </message>
    <message>
        <source>was stopped from exporting</source>
        <translation>se detuvo su exportación</translation>
    </message>
    <message>
        <source>withdrew a decision about an employer&apos;s restrictions</source>
        <translation>retiró una decisión sobre las restricciones de un empleador</translation>
    </message>
    <message>
        <source>wrote a note</source>
        <translation>escribió una nota</translation>
    </message>
    <message>
        <source>a placement&apos;s supervisor and mentor</source>
        <translation>el/la supervisor/a y el/la mentor/a de una colocación</translation>
    </message>
    <message>
        <source>apprenticeships</source>
        <translation>aprendizajes</translation>
    </message>
    <message>
        <source>barriers</source>
        <translation>obstáculos</translation>
    </message>
    <message>
        <source>case reviews</source>
        <translation>revisiones del caso</translation>
    </message>
    <message>
        <source>coaching contacts with an employer</source>
        <translation>acompañamientos con un empleador</translation>
    </message>
    <message>
        <source>consents</source>
        <translation>autorizaciones</translation>
    </message>
    <message>
        <source>decisions about employers&apos; restrictions</source>
        <translation>decisiones sobre las restricciones de empleadores</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>goals and plans</source>
        <translation>metas y planes</translation>
    </message>
    <message>
        <source>internships</source>
        <translation>pasantías</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>placement</source>
        <translation>colocación</translation>
    </message>
    <message>
        <source>services</source>
        <translation>servicios</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tareas</translation>
    </message>
    <message>
        <source>workshops</source>
        <translation>talleres</translation>
    </message>
    <message>
        <source>viewed {0}</source>
        <translation>vio {0}</translation>
    </message>
    <message>
        <source>account {0}</source>
        <translation>cuenta {0}</translation>
    </message>
    <message>
        <source>employer {0}</source>
        <translation>empleador {0}</translation>
    </message>
    <message>
        <source>recipient {0}</source>
        <translation>destinatario {0}</translation>
    </message>
    <message>
        <source>case manager {0}</source>
        <translation>gestor/a de casos {0}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>cuentas</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>acciones</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>attempted at</source>
        <translation>intento a las</translation>
    </message>
    <message>
        <source>attempts not counted</source>
        <translation>intentos no contados</translation>
    </message>
    <message>
        <source>bundles sent</source>
        <translation>paquetes enviados</translation>
    </message>
    <message>
        <source>by</source>
        <translation>por</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>candidatos/as</translation>
    </message>
    <message>
        <source>case manager</source>
        <translation>gestor/a de casos</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casos</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>categorías</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambiado</translation>
    </message>
    <message>
        <source>check ins closed</source>
        <translation>revisiones cerradas</translation>
    </message>
    <message>
        <source>closed months</source>
        <translation>meses para expedientes cerrados</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflicto</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>conflictos</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>autorización</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>contacted on</source>
        <translation>fecha del contacto</translation>
    </message>
    <message>
        <source>could not remove</source>
        <translation>no se pudo quitar</translation>
    </message>
    <message>
        <source>count</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>cantidades</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>decisión</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>área</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>descartados</translation>
    </message>
    <message>
        <source>elsewhere</source>
        <translation>en otra computadora</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>empleador</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>enrolled by</source>
        <translation>inscrita por</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>entradas</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>vence</translation>
    </message>
    <message>
        <source>failed attempts before</source>
        <translation>intentos fallidos antes</translation>
    </message>
    <message>
        <source>field</source>
        <translation>campo</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>campos</translation>
    </message>
    <message>
        <source>figures dropped</source>
        <translation>cifras omitidas</translation>
    </message>
    <message>
        <source>figures years</source>
        <translation>años para las cifras</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>file hash (SHA-256)</source>
        <translation>huella del archivo (SHA-256)</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>llenados</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>filtros</translation>
    </message>
    <message>
        <source>first damaged entry</source>
        <translation>primera entrada dañada</translation>
    </message>
    <message>
        <source>for survivor</source>
        <translation>para la persona</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>resultados</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>how</source>
        <translation>cómo</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>sector</translation>
    </message>
    <message>
        <source>into</source>
        <translation>en</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservados</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clave</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>computadora</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>omitidos</translation>
    </message>
    <message>
        <source>length</source>
        <translation>longitud</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>límite</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>en la lista</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>coincidencias</translation>
    </message>
    <message>
        <source>may share further</source>
        <translation>puede compartirla con otros</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>unidos</translation>
    </message>
    <message>
        <source>method</source>
        <translation>forma</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>indicador</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>menor de edad</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>movidos</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>new key pair</source>
        <translation>nuevo par de claves</translation>
    </message>
    <message>
        <source>not duplicates</source>
        <translation>no duplicados</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>on</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>one time</source>
        <translation>de un solo uso</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>resultado</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>period</source>
        <translation>período</translation>
    </message>
    <message>
        <source>position</source>
        <translation>puesto</translation>
    </message>
    <message>
        <source>practices</source>
        <translation>prácticas</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>anterior</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>problemas</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programa</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibidos</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>destinatario</translation>
    </message>
    <message>
        <source>recipient kind</source>
        <translation>tipo de destinatario</translation>
    </message>
    <message>
        <source>record</source>
        <translation>expediente</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazados</translation>
    </message>
    <message>
        <source>remaining</source>
        <translation>restantes</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitados</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurada</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocada</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>scans months</source>
        <translation>meses para los escaneos</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>esquema</translation>
    </message>
    <message>
        <source>sensitive months</source>
        <translation>meses para los datos confidenciales</translation>
    </message>
    <message>
        <source>sent changes</source>
        <translation>cambios enviados</translation>
    </message>
    <message>
        <source>set</source>
        <translation>indicado</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>compartido</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>mostrados</translation>
    </message>
    <message>
        <source>signed off</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>firmante</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>source</source>
        <translation>origen</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>survivors</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>tema</translation>
    </message>
    <message>
        <source>tried</source>
        <translation>intentó</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>was</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>week of</source>
        <translation>semana del</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>why</source>
        <translation>por qué</translation>
    </message>
    <message>
        <source>words</source>
        <translation>palabras</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>taller</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>wrong passphrase for {0}</source>
        <translation>la frase de acceso no es correcta para {0}</translation>
    </message>
    <message>
        <source>there is no account named {0} in this database</source>
        <translation>no hay ninguna cuenta llamada {0} en esta base de datos</translation>
    </message>
    <message>
        <source>there is no active account named {0}</source>
        <translation>no hay ninguna cuenta activa llamada {0}</translation>
    </message>
    <message>
        <source>the account {0} has been removed</source>
        <translation>la cuenta {0} fue eliminada</translation>
    </message>
    <message>
        <source>that recovery key does not open this database (each recovery key works once; after use it is replaced by a new one)</source>
        <translation>esa clave de recuperación no abre esta base de datos (cada clave de recuperación sirve una sola vez; después de usarla se reemplaza por una nueva)</translation>
    </message>
    <message>
        <source>the passphrase has {0} characters; use at least {1} (a few unrelated words work well)</source>
        <translation>la frase de acceso tiene {0} caracteres; use al menos {1} (unas cuantas palabras sin relación entre sí funcionan bien)</translation>
    </message>
    <message>
        <source>the passphrase has {0} characters; at most {1} are accepted</source>
        <translation>la frase de acceso tiene {0} caracteres; se aceptan como máximo {1}</translation>
    </message>
    <message>
        <source>the passphrase repeats one or two characters; choose words</source>
        <translation>la frase de acceso repite uno o dos caracteres; elija palabras</translation>
    </message>
    <message>
        <source>that passphrase is on the list of commonly used ones; choose another</source>
        <translation>esa frase de acceso está en la lista de las más usadas; elija otra</translation>
    </message>
    <message>
        <source>the passphrase must not be the account name</source>
        <translation>la frase de acceso no puede ser el nombre de la cuenta</translation>
    </message>
    <message>
        <source>the passphrase holds bytes that are not text; UTF-8 is expected</source>
        <translation>la frase de acceso contiene bytes que no son texto; se espera UTF-8</translation>
    </message>
    <message>
        <source>this database is already open in another Case Tracker window; switch to that window, or close it and try again (nothing was changed)</source>
        <translation>esta base de datos ya está abierta en otra ventana de Case Tracker; vaya a esa ventana, o ciérrela e intente de nuevo (no se cambió nada)</translation>
    </message>
    <message>
        <source>there is no case {0}</source>
        <translation>no existe el caso {0}</translation>
    </message>
    <message>
        <source>case number {0} is already in use</source>
        <translation>el número de caso {0} ya está en uso</translation>
    </message>
    <message>
        <source>an employer named {0} is already listed</source>
        <translation>ya hay un empleador llamado {0} en la lista</translation>
    </message>
    <message>
        <source>there is no employer partner {0}</source>
        <translation>no existe el empleador aliado {0}</translation>
    </message>
    <message>
        <source>that goal no longer exists</source>
        <translation>esa meta ya no existe</translation>
    </message>
    <message>
        <source>that milestone no longer exists</source>
        <translation>ese paso ya no existe</translation>
    </message>
    <message>
        <source>that document no longer exists</source>
        <translation>ese documento ya no existe</translation>
    </message>
    <message>
        <source>that consent no longer exists</source>
        <translation>ese consentimiento ya no existe</translation>
    </message>
    <message>
        <source>that workshop no longer exists</source>
        <translation>ese taller ya no existe</translation>
    </message>
    <message>
        <source>that task no longer exists</source>
        <translation>esa tarea ya no existe</translation>
    </message>
    <message>
        <source>that scan no longer exists</source>
        <translation>ese escaneo ya no existe</translation>
    </message>
    <message>
        <source>the report&apos;s end date comes before its start date</source>
        <translation>la fecha final del informe es anterior a la fecha inicial</translation>
    </message>
    <message>
        <source>to purge case {0}, type its case number exactly; nothing was removed</source>
        <translation>para eliminar definitivamente el caso {0}, escriba su número de caso tal como aparece; no se eliminó nada</translation>
    </message>
    <message>
        <source>case {0} is still active: its case manager closes it first; nothing was removed</source>
        <translation>el caso {0} todavía está activo: primero su gestor/a de casos debe cerrarlo; no se eliminó nada</translation>
    </message>
    <message>
        <source>closing a case: case {0} is not in your caseload</source>
        <translation>no se puede cerrar el caso {0}: no está entre sus casos</translation>
    </message>
    <message>
        <source>reopening a case: case {0} is not in your caseload</source>
        <translation>no se puede reabrir el caso {0}: no está entre sus casos</translation>
    </message>
    <message>
        <source>closing a case: case {0} is closed; reopen it first</source>
        <translation>no se puede cerrar el caso {0}: está cerrado; primero vuelva a abrirlo</translation>
    </message>
    <message>
        <source>nothing was written: the survivor&apos;s {0} shows in its {1}, which is shared; change that on the record first</source>
        <translation>no se guardó nada: el dato “{0}” de la persona aparece en “{1}”, que se comparte; primero cámbielo en el expediente</translation>
    </message>
    <message>
        <source>nothing was written: the survivor&apos;s {0} shows, which is shared; change that on the record first</source>
        <translation>no se guardó nada: el dato “{0}” de la persona aparece en lo que se comparte; primero cámbielo en el expediente</translation>
    </message>
    <message>
        <source>nothing was written: this survivor&apos;s shared profile needs a review by their case manager before it can be shared; they have been asked to review it</source>
        <translation>no se guardó nada: el perfil que se comparte de esta persona necesita una revisión de su gestor/a de casos antes de poder compartirse; ya se le pidió que lo revise</translation>
    </message>
    <message>
        <source>there is no consent {0}</source>
        <translation>no existe el consentimiento {0}</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>No existe ese archivo o carpeta</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>No hay permiso para abrir el archivo</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>a case manager takes survivors into their own caseload</source>
        <translation>cada gestor/a de casos recibe a las personas solo en su propia lista de casos</translation>
    </message>
    <message>
        <source>a laptop cannot revoke itself; revoke it from another laptop</source>
        <translation>una computadora no puede revocarse a sí misma; revóquela desde otra computadora</translation>
    </message>
    <message>
        <source>a laptop does not need to trust itself</source>
        <translation>una computadora no necesita confiar en sí misma</translation>
    </message>
    <message>
        <source>a laptop of this program is already named {0}; choose another name</source>
        <translation>ya hay una computadora de este programa llamada {0}; elija otro nombre</translation>
    </message>
    <message>
        <source>a laptop&apos;s name is 1 to 40 characters, without control characters</source>
        <translation>el nombre de una computadora tiene de 1 a 40 caracteres, sin caracteres de control</translation>
    </message>
    <message>
        <source>an account named {0} exists or existed; choose another</source>
        <translation>ya existe o existió una cuenta llamada {0}; elija otro nombre</translation>
    </message>
    <message>
        <source>cannot read the backup {0}: {1}</source>
        <translation>no se puede leer la copia de seguridad {0}: {1}</translation>
    </message>
    <message>
        <source>cannot sort by {0}</source>
        <translation>no se puede ordenar por {0}</translation>
    </message>
    <message>
        <source>case {0} has no internship recorded; an internship starts with the placement step &apos;internship&apos;</source>
        <translation>el caso {0} no tiene ninguna pasantía anotada; una pasantía empieza con la etapa de colocación “Pasantía”</translation>
    </message>
    <message>
        <source>case {0} has no {1} document</source>
        <translation>el caso {0} no tiene el documento {1}</translation>
    </message>
    <message>
        <source>case {0} is already under legal hold</source>
        <translation>el caso {0} ya está bajo retención legal</translation>
    </message>
    <message>
        <source>case {0} is not under legal hold</source>
        <translation>el caso {0} no está bajo retención legal</translation>
    </message>
    <message>
        <source>case {0} is under legal hold: a supervisor lifts the hold first (&apos;retention release&apos;); nothing was removed</source>
        <translation>el caso {0} está bajo retención legal: primero un/a supervisor/a debe levantar la retención (&apos;retention release&apos;); no se eliminó nada</translation>
    </message>
    <message>
        <source>conflict {0} has no value {1}</source>
        <translation>el conflicto {0} no tiene el valor {1}</translation>
    </message>
    <message>
        <source>dates are written as one of {0}</source>
        <translation>las fechas se escriben en uno de estos formatos: {0}</translation>
    </message>
    <message>
        <source>every backup was made before the latest purge: make a new backup first (&apos;backup FILE&apos;), then prune the old ones; nothing was removed</source>
        <translation>todas las copias de seguridad se hicieron antes de la última eliminación definitiva: primero haga una copia nueva (&apos;backup FILE&apos;) y luego quite las antiguas; no se eliminó nada</translation>
    </message>
    <message>
        <source>name either an employer partner or an agency as the recipient</source>
        <translation>indique como destinatario un empleador aliado o una agencia</translation>
    </message>
    <message>
        <source>no backup at {0}</source>
        <translation>no hay ninguna copia de seguridad en {0}</translation>
    </message>
    <message>
        <source>no database at {0}; create one with &apos;casetracker init&apos;</source>
        <translation>no hay ninguna base de datos en {0}; cree una con &apos;casetracker init&apos;</translation>
    </message>
    <message>
        <source>no fonts in casetracker/resources/fonts</source>
        <translation>no hay fuentes en casetracker/resources/fonts</translation>
    </message>
    <message>
        <source>no laptop of this program is named {0}</source>
        <translation>ninguna computadora de este programa se llama {0}</translation>
    </message>
    <message>
        <source>no sync folder is set for this laptop (Settings)</source>
        <translation>esta computadora no tiene carpeta de sincronización (Configuración)</translation>
    </message>
    <message>
        <source>nothing was shared: the survivor agreed to share with {0}, and this employer is now called {1}; ask the survivor again</source>
        <translation>no se compartió nada: la persona aceptó compartir con {0}, y este empleador ahora se llama {1}; vuelva a preguntarle a la persona</translation>
    </message>
    <message>
        <source>nothing was shared: there is no active consent from this survivor for this employer (it may be missing, expired or revoked); record one on the Consent tab first</source>
        <translation>no se compartió nada: no hay un consentimiento vigente de esta persona para este empleador (puede faltar, estar vencido o revocado); primero anote uno en la pestaña Consentimiento</translation>
    </message>
    <message>
        <source>read back {0} after reopening</source>
        <translation>al volver a abrir se leyó {0}</translation>
    </message>
    <message>
        <source>settle a conflict either by keeping a value or with a new value</source>
        <translation>resuelva un conflicto conservando uno de los valores o con un valor nuevo</translation>
    </message>
    <message>
        <source>stopped; nothing was changed</source>
        <translation>se detuvo; no se cambió nada</translation>
    </message>
    <message>
        <source>that barrier no longer exists</source>
        <translation>ese obstáculo ya no existe</translation>
    </message>
    <message>
        <source>that conflict was settled meanwhile</source>
        <translation>ese conflicto ya se resolvió mientras tanto</translation>
    </message>
    <message>
        <source>that record no longer exists</source>
        <translation>ese registro ya no existe</translation>
    </message>
    <message>
        <source>that service is not recorded</source>
        <translation>ese servicio no está anotado</translation>
    </message>
    <message>
        <source>the audit trail&apos;s signing key is not one you endorsed and does not descend from one: it may have been replaced; compare its fingerprint with the one on your last printed caseload report, and restore a backup if they differ</source>
        <translation>la clave que firma el registro de auditoría no es una que usted haya avalado ni desciende de una: puede haber sido reemplazada; compare su huella digital con la de su último informe de casos impreso, y restaure una copia de seguridad si no coinciden</translation>
    </message>
    <message>
        <source>the backup did not verify: {0}</source>
        <translation>la copia de seguridad no pasó la verificación: {0}</translation>
    </message>
    <message>
        <source>the backup is damaged: {0}</source>
        <translation>la copia de seguridad está dañada: {0}</translation>
    </message>
    <message>
        <source>the backup&apos;s key file {0} is missing beside it</source>
        <translation>falta el archivo de clave {0} junto a la copia de seguridad</translation>
    </message>
    <message>
        <source>the case manager&apos;s session is not open</source>
        <translation>la sesión de gestor/a de casos no está abierta</translation>
    </message>
    <message>
        <source>the database could not be read: {0}; run &apos;casetracker check&apos; or restore a backup</source>
        <translation>no se pudo leer la base de datos: {0}; ejecute &apos;casetracker check&apos; o restaure una copia de seguridad</translation>
    </message>
    <message>
        <source>the database file is plain SQLite, not encrypted</source>
        <translation>el archivo de la base de datos es SQLite simple, sin cifrar</translation>
    </message>
    <message>
        <source>the database is busy in another Case Tracker window or command; finish or close that one and try again (nothing was changed)</source>
        <translation>la base de datos está ocupada en otra ventana o comando de Case Tracker; termine o cierre eso e intente de nuevo (no se cambió nada)</translation>
    </message>
    <message>
        <source>the database lacks its vault keys; it was not made by this program</source>
        <translation>a la base de datos le faltan sus claves de bóveda; no la creó este programa</translation>
    </message>
    <message>
        <source>the demonstration database holds {0} survivors, not 3</source>
        <translation>la base de datos de demostración contiene {0} personas, no 3</translation>
    </message>
    <message>
        <source>the disk is full; nothing was saved by this operation ({0})</source>
        <translation>el disco está lleno; esta operación no guardó nada ({0})</translation>
    </message>
    <message>
        <source>the disk refused a write or a read (it may be full, removed or failing); the change was undone and nothing was saved by this operation. Free some space or check the drive, then try again ({0})</source>
        <translation>el disco rechazó una escritura o una lectura (puede estar lleno, desconectado o fallando); se deshizo el cambio y esta operación no guardó nada. Libere espacio o revise la unidad, y después intente de nuevo ({0})</translation>
    </message>
    <message>
        <source>the document rules ({0}) cannot be read: {1}</source>
        <translation>no se pueden leer las reglas de documentos ({0}): {1}</translation>
    </message>
    <message>
        <source>the enrollment file holds no supervisor account</source>
        <translation>el archivo de inscripción no contiene ninguna cuenta de supervisión</translation>
    </message>
    <message>
        <source>the enrollment file&apos;s accounts do not match their key slots</source>
        <translation>las cuentas del archivo de inscripción no coinciden con sus espacios de clave</translation>
    </message>
    <message>
        <source>the enrollment file&apos;s content is incomplete or malformed</source>
        <translation>el contenido del archivo de inscripción está incompleto o mal formado</translation>
    </message>
    <message>
        <source>the export was cancelled; nothing was written</source>
        <translation>se canceló la exportación; no se guardó nada</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was imported</source>
        <translation>se canceló la importación; no se importó nada</translation>
    </message>
    <message>
        <source>the key file belongs to a different database</source>
        <translation>el archivo de clave pertenece a otra base de datos</translation>
    </message>
    <message>
        <source>the key file has been tampered with or damaged (a sealed key does not authenticate); restore it from a backup</source>
        <translation>el archivo de clave fue alterado o está dañado (una clave sellada no se autentica); restáurelo desde una copia de seguridad</translation>
    </message>
    <message>
        <source>the key file has no slot for {0}</source>
        <translation>el archivo de clave no tiene un espacio para {0}</translation>
    </message>
    <message>
        <source>the key slot for {0} does not match the database (the key file may have been replaced by an older copy); another account can unlock, and a supervisor can then reset this account&apos;s passphrase</source>
        <translation>el espacio de clave de {0} no coincide con la base de datos (quizás el archivo de clave se reemplazó por una copia más antigua); otra cuenta puede desbloquear, y después un/a supervisor/a puede restablecer la frase de acceso de esta cuenta</translation>
    </message>
    <message>
        <source>the key slot for {0} uses a key derivation cost ({1}) below the minimum this program accepts ({2}), so it was not written by a release of Case Tracker; it is refused before any passphrase is tried. Another account can unlock, and a supervisor can then reset this account&apos;s passphrase (choose a new one: the old one may have been guessed from a copy of the key file)</source>
        <translation>el espacio de clave de {0} usa un costo de derivación de clave ({1}) menor que el mínimo que acepta este programa ({2}), así que no lo escribió ninguna versión de Case Tracker; se rechaza antes de probar cualquier frase de acceso. Otra cuenta puede desbloquear, y después un/a supervisor/a puede restablecer la frase de acceso de esta cuenta (elija una nueva: la anterior pudo haberse adivinado a partir de una copia del archivo de clave)</translation>
    </message>
    <message>
        <source>the laptop {0} is already revoked</source>
        <translation>la computadora {0} ya está revocada</translation>
    </message>
    <message>
        <source>the last supervisor account cannot be given another role</source>
        <translation>a la última cuenta de supervisión no se le puede dar otro rol</translation>
    </message>
    <message>
        <source>the last supervisor account cannot be removed</source>
        <translation>la última cuenta de supervisión no se puede quitar</translation>
    </message>
    <message>
        <source>the letter shows the withheld legal name</source>
        <translation>la carta muestra el nombre legal, que no se comparte</translation>
    </message>
    <message>
        <source>the letter&apos;s text lacks the preferred name or the employer</source>
        <translation>al texto de la carta le falta el nombre preferido o el empleador</translation>
    </message>
    <message>
        <source>the program was locked; nothing was changed</source>
        <translation>el programa se bloqueó; no se cambió nada</translation>
    </message>
    <message>
        <source>the session is closed</source>
        <translation>la sesión está cerrada</translation>
    </message>
    <message>
        <source>the sync folder {0} cannot be reached (a USB stick not in, a share not mounted?)</source>
        <translation>no se puede acceder a la carpeta de sincronización {0} (¿falta conectar la memoria USB o montar la carpeta compartida?)</translation>
    </message>
    <message>
        <source>the sync folder {0} does not exist or is not a folder</source>
        <translation>la carpeta de sincronización {0} no existe o no es una carpeta</translation>
    </message>
    <message>
        <source>the temporary folder {0} is readable by others</source>
        <translation>otras cuentas de la computadora pueden leer la carpeta temporal {0}</translation>
    </message>
    <message>
        <source>there is no account named {0}</source>
        <translation>no hay ninguna cuenta llamada {0}</translation>
    </message>
    <message>
        <source>there is no active case manager named {0}</source>
        <translation>no hay ninguna cuenta activa de gestor/a de casos llamada {0}</translation>
    </message>
    <message>
        <source>there is no conflict {0} waiting for you</source>
        <translation>no hay ningún conflicto {0} pendiente para usted</translation>
    </message>
    <message>
        <source>there is no position {0}</source>
        <translation>no existe el puesto {0}</translation>
    </message>
    <message>
        <source>this database has no recovery key slot</source>
        <translation>esta base de datos no tiene un espacio para la clave de recuperación</translation>
    </message>
    <message>
        <source>this laptop already belongs to a team program</source>
        <translation>esta computadora ya pertenece a un programa de equipo</translation>
    </message>
    <message>
        <source>this laptop has not joined a team program</source>
        <translation>esta computadora no se ha unido a un programa de equipo</translation>
    </message>
    <message>
        <source>this laptop has not joined a team program yet</source>
        <translation>esta computadora todavía no se ha unido a un programa de equipo</translation>
    </message>
    <message>
        <source>this laptop is not in a team program</source>
        <translation>esta computadora no está en un programa de equipo</translation>
    </message>
    <message>
        <source>this laptop is not in a team program (a supervisor starts one with &apos;casetracker device enroll NAME --out FILE&apos;)</source>
        <translation>esta computadora no está en un programa de equipo (un/a supervisor/a inicia uno con &apos;casetracker device enroll NAME --out FILE&apos;)</translation>
    </message>
    <message>
        <source>to change your own passphrase use &apos;casetracker user passwd&apos;</source>
        <translation>para cambiar su propia frase de acceso use &apos;casetracker user passwd&apos;</translation>
    </message>
    <message>
        <source>unknown field: {0}</source>
        <translation>campo desconocido: {0}</translation>
    </message>
    <message>
        <source>unknown figure {0}</source>
        <translation>cifra desconocida: {0}</translation>
    </message>
    <message>
        <source>unknown or protected field: {0}; the fields are {1}</source>
        <translation>campo desconocido o protegido: {0}; los campos son {1}</translation>
    </message>
    <message>
        <source>unknown part of {0}: {1}</source>
        <translation>parte desconocida de {0}: {1}</translation>
    </message>
    <message>
        <source>unknown policy setting: {0}</source>
        <translation>opción de la política desconocida: {0}</translation>
    </message>
    <message>
        <source>unknown setting: {0}</source>
        <translation>opción de configuración desconocida: {0}</translation>
    </message>
    <message>
        <source>you cannot change your own role; another supervisor can</source>
        <translation>usted no puede cambiar su propio rol; otro/a supervisor/a sí puede</translation>
    </message>
    <message>
        <source>you cannot remove your own account</source>
        <translation>usted no puede quitar su propia cuenta</translation>
    </message>
    <message>
        <source>{0} already exists; choose another backup file name</source>
        <translation>{0} ya existe; elija otro nombre para el archivo de la copia de seguridad</translation>
    </message>
    <message>
        <source>{0} already exists; joining makes a new database and never replaces one</source>
        <translation>{0} ya existe; al unirse se crea una base de datos nueva y nunca se reemplaza una existente</translation>
    </message>
    <message>
        <source>{0} already exists; refusing to overwrite it</source>
        <translation>{0} ya existe; no se sobrescribirá</translation>
    </message>
    <message>
        <source>{0} already exists; restore to a new path, or move the old files away first</source>
        <translation>{0} ya existe; restaure en una ruta nueva, o primero mueva los archivos anteriores a otro lugar</translation>
    </message>
    <message>
        <source>cases due for purge: {0}, not {1}; list them with &apos;retention due&apos; and confirm with that number; nothing was removed</source>
        <translation>casos para eliminar definitivamente: {0}, no {1}; véalos con &apos;retention due&apos; y confirme con ese número; no se eliminó nada</translation>
    </message>
    <message>
        <source>{0} does not open with the key in {1} although the passphrase is right: the key file is out of date (the database was rekeyed since, as when an account is removed) or is from a different database, or the account was removed; use the current key file or ask a supervisor (if that fails for every account, restore a backup)</source>
        <translation>{0} no se abre con la clave de {1} aunque la frase de acceso es correcta: el archivo de clave está desactualizado (la base de datos se volvió a cifrar después, como ocurre cuando se quita una cuenta) o es de otra base de datos, o la cuenta fue quitada; use el archivo de clave actual o pida ayuda a un/a supervisor/a (si eso falla con todas las cuentas, restaure una copia de seguridad)</translation>
    </message>
    <message>
        <source>columns headed {0}: {1}, where one was expected; the headings are {2}</source>
        <translation>columnas con el encabezado {0}: {1}, cuando se esperaba una; los encabezados son {2}</translation>
    </message>
    <message>
        <source>{0} holds the test person&apos;s name in plaintext</source>
        <translation>{0} contiene sin cifrar el nombre de la persona de prueba</translation>
    </message>
    <message>
        <source>{0} is damaged (its first page does not decrypt although the passphrase is right); restore it from a backup</source>
        <translation>{0} está dañado (su primera página no se descifra aunque la frase de acceso es correcta); restáurelo desde una copia de seguridad</translation>
    </message>
    <message>
        <source>{0} is in use or was not closed cleanly ({1} is beside it); close the program using it, or restore from a file made by &apos;backup&apos;</source>
        <translation>{0} está en uso o no se cerró correctamente ({1} está a su lado); cierre el programa que lo usa, o restaure desde un archivo hecho con &apos;backup&apos;</translation>
    </message>
    <message>
        <source>{0} is not a field with parts</source>
        <translation>{0} no es un campo con partes</translation>
    </message>
    <message>
        <source>{0} is not a field; the fields are {1}</source>
        <translation>{0} no es un campo; los campos son {1}</translation>
    </message>
    <message>
        <source>{0} is not a language code such as &apos;en&apos; or &apos;es&apos;</source>
        <translation>{0} no es un código de idioma como &apos;en&apos; o &apos;es&apos;</translation>
    </message>
    <message>
        <source>{0} is not free text: keep one of the values waiting (--keep VALUE_ID), then change it in the record</source>
        <translation>{0} no es texto libre: conserve uno de los valores pendientes (--keep VALUE_ID) y después cámbielo en el expediente</translation>
    </message>
    <message>
        <source>{0} is not a service type of this program</source>
        <translation>{0} no es un tipo de servicio de este programa</translation>
    </message>
    <message>
        <source>{0} must choose a new passphrase first (casetracker user passwd)</source>
        <translation>{0} debe elegir primero una frase de acceso nueva (casetracker user passwd)</translation>
    </message>
    <message>
        <source>{0}: write HEADING=FIELD (or HEADING= to leave a column out)</source>
        <translation>{0}: escriba ENCABEZADO=CAMPO (o ENCABEZADO= para dejar fuera una columna)</translation>
    </message>
    <message>
        <source>the enrollment file&apos;s expiry does not read; ask for a new one</source>
        <translation>no se puede leer la fecha de vencimiento del archivo de inscripción; pida uno nuevo</translation>
    </message>
    <message>
        <source>case {0} has no apprenticeship recorded; an apprenticeship starts with the placement step &apos;apprenticeship&apos;</source>
        <translation>el caso {0} no tiene ningún aprendizaje anotado; un aprendizaje empieza con la etapa de colocación &apos;apprenticeship&apos; (Aprendizaje)</translation>
    </message>
    <message>
        <source>the re-encrypted copy was not complete; nothing was changed</source>
        <translation>la copia cifrada de nuevo no quedó completa; no se cambió nada</translation>
    </message>
    <message>
        <source>to merge, confirm with the case number of the record that goes ({0})</source>
        <translation>para unir los expedientes, confirme con el número de caso del que desaparece ({0})</translation>
    </message>
    <message>
        <source>nothing was shared: the survivor&apos;s releases for this recipient allow less than when this was prepared; prepare it again</source>
        <translation>no se compartió nada: las autorizaciones de la persona para este destinatario permiten menos que cuando se preparó; prepárelo de nuevo</translation>
    </message>
    <message>
        <source>nothing was shared: the release this was prepared under has been revoked or has ended since; prepare it again if another release allows it</source>
        <translation>no se compartió nada: la autorización con la que se preparó se revocó o terminó desde entonces; prepárelo de nuevo si otra autorización lo permite</translation>
    </message>
    <message>
        <source>this enrollment file expired on {0} (an enrollment file works for {1} days); nothing was written. Ask a supervisor to enroll this laptop again (a new file and code)</source>
        <translation>este archivo de inscripción venció el {0} (un archivo de inscripción sirve durante {1} días); no se escribió nada. Pida a un/a supervisor/a que vuelva a inscribir esta computadora (con un archivo y un código nuevos)</translation>
    </message>
    <message>
        <source>this enrollment file was already used to join a laptop; an enrollment file works once. Ask a supervisor to enroll this laptop again (a new file and code)</source>
        <translation>este archivo de inscripción ya se usó para unir una computadora; un archivo de inscripción sirve una sola vez. Pida a un/a supervisor/a que vuelva a inscribir esta computadora (con un archivo y un código nuevos)</translation>
    </message>
    <message>
        <source>a row is imported as a new person ({0}) or left out ({1})</source>
        <translation>una fila se importa como persona nueva ({0}) o se deja fuera ({1})</translation>
    </message>
    <message>
        <source>case {0} has no placement yet (an internship, apprenticeship or job step)</source>
        <translation>el caso {0} todavía no tiene colocación (una etapa de pasantía, aprendizaje o empleo)</translation>
    </message>
    <message>
        <source>the re-encrypted copy did not check ({0}); nothing was changed</source>
        <translation>la copia cifrada de nuevo no pasó la revisión ({0}); no se cambió nada</translation>
    </message>
    <message>
        <source>a record cannot be merged into itself</source>
        <translation>un expediente no se puede unir consigo mismo</translation>
    </message>
    <message>
        <source>a value has the wrong type ({0})</source>
        <translation>un valor tiene el tipo incorrecto ({0})</translation>
    </message>
    <message>
        <source>belongs to another employer</source>
        <translation>pertenece a otro empleador</translation>
    </message>
    <message>
        <source>comes from a case review and stays with staff; add a step for the survivor in your own words instead</source>
        <translation>viene de una revisión del caso y queda para el personal; en su lugar, agregue un paso para la persona, redactado por usted</translation>
    </message>
    <message>
        <source>holds something that is not an open goal, one of its steps or a task for the survivor</source>
        <translation>contiene algo que no es una meta abierta, uno de sus pasos ni una tarea para la persona</translation>
    </message>
    <message>
        <source>is before the document was requested</source>
        <translation>es anterior a la fecha en que se solicitó el documento</translation>
    </message>
    <message>
        <source>is closed</source>
        <translation>está cerrado</translation>
    </message>
    <message>
        <source>is empty: keep one of the values waiting instead</source>
        <translation>está vacío: en su lugar, conserve uno de los valores pendientes</translation>
    </message>
    <message>
        <source>is larger than 1 MiB</source>
        <translation>pesa más de 1 MiB</translation>
    </message>
    <message>
        <source>is not a position with {0}</source>
        <translation>no es un puesto de {0}</translation>
    </message>
    <message>
        <source>must be a PNG or JPEG image</source>
        <translation>debe ser una imagen PNG o JPEG</translation>
    </message>
    <message>
        <source>the workshop has not taken place yet</source>
        <translation>el taller todavía no se ha realizado</translation>
    </message>
    <message>
        <source>there is no decision for {0} to withdraw</source>
        <translation>no hay ninguna decisión sobre {0} que retirar</translation>
    </message>
    <message>
        <source>{0} is not a date</source>
        <translation>{0} no es una fecha</translation>
    </message>
    <message>
        <source>{0} is not a date (use {1})</source>
        <translation>{0} no es una fecha (use {1})</translation>
    </message>
    <message>
        <source>{0} names an unknown category</source>
        <translation>{0} nombra una categoría desconocida</translation>
    </message>
    <message>
        <source>an apprenticeship step names an apprenticeship position (its term and wages are the position&apos;s)</source>
        <translation>una etapa de aprendizaje indica un puesto de aprendizaje (la duración y los salarios son los del puesto)</translation>
    </message>
    <message>
        <source>{0}: coordinators see the employment profile, not the case record</source>
        <translation>{0}: los/las coordinadores/as ven el perfil de empleo, no el expediente del caso</translation>
    </message>
    <message>
        <source>{0}: case {1} is not in your caseload</source>
        <translation>{0}: el caso {1} no está entre sus casos</translation>
    </message>
    <message>
        <source>{0}: supervisors read case records but do not change them</source>
        <translation>{0}: los/las supervisores/as leen los expedientes, pero no los cambian</translation>
    </message>
    <message>
        <source>{0}: case {1} is closed; reopen it first</source>
        <translation>{0}: el caso {1} está cerrado; primero vuelva a abrirlo</translation>
    </message>
    <message>
        <source>{0} needs a {1} account; {2} is a {3}</source>
        <translation>{0} requiere una cuenta de {1}; {2} es {3}</translation>
    </message>
    <message>
        <source>{0} is not allowed for a {1} account</source>
        <translation>{0} no está permitido para una cuenta de {1}</translation>
    </message>
    <message>
        <source>settling this conflict is not for you: {0}</source>
        <translation>no le corresponde resolver este conflicto: {0}</translation>
    </message>
    <message>
        <source>case manager</source>
        <translation>gestor/a de casos</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordinador/a</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor/a</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} o {1}</translation>
    </message>
    <message>
        <source>adding a barrier</source>
        <translation>agregar un obstáculo</translation>
    </message>
    <message>
        <source>adding a document</source>
        <translation>agregar un documento</translation>
    </message>
    <message>
        <source>adding a goal</source>
        <translation>agregar una meta</translation>
    </message>
    <message>
        <source>adding a laptop to the team</source>
        <translation>agregar una computadora al equipo</translation>
    </message>
    <message>
        <source>adding a position</source>
        <translation>agregar un puesto</translation>
    </message>
    <message>
        <source>adding a task</source>
        <translation>agregar una tarea</translation>
    </message>
    <message>
        <source>adding an account</source>
        <translation>agregar una cuenta</translation>
    </message>
    <message>
        <source>adding an employer partner</source>
        <translation>agregar un empleador aliado</translation>
    </message>
    <message>
        <source>assigning a case</source>
        <translation>asignar un caso</translation>
    </message>
    <message>
        <source>changing a passphrase</source>
        <translation>cambiar una frase de acceso</translation>
    </message>
    <message>
        <source>changing a survivor&apos;s profile</source>
        <translation>cambiar el perfil de una persona</translation>
    </message>
    <message>
        <source>changing an account&apos;s role</source>
        <translation>cambiar el rol de una cuenta</translation>
    </message>
    <message>
        <source>changing an employer partner</source>
        <translation>cambiar un empleador aliado</translation>
    </message>
    <message>
        <source>changing program settings</source>
        <translation>cambiar la configuración del programa</translation>
    </message>
    <message>
        <source>changing sensitive details</source>
        <translation>cambiar los datos confidenciales</translation>
    </message>
    <message>
        <source>changing the letterhead logo</source>
        <translation>cambiar el logotipo del membrete</translation>
    </message>
    <message>
        <source>changing the retention policy</source>
        <translation>cambiar la política de conservación</translation>
    </message>
    <message>
        <source>checking the database</source>
        <translation>revisar la base de datos</translation>
    </message>
    <message>
        <source>checking when the last backup was made</source>
        <translation>ver cuándo se hizo la última copia de seguridad</translation>
    </message>
    <message>
        <source>choosing the steps on a survivor&apos;s plan</source>
        <translation>elegir los pasos del plan de una persona</translation>
    </message>
    <message>
        <source>choosing your language</source>
        <translation>elegir su idioma</translation>
    </message>
    <message>
        <source>comparing team content</source>
        <translation>comparar el contenido del equipo</translation>
    </message>
    <message>
        <source>completing a task</source>
        <translation>terminar una tarea</translation>
    </message>
    <message>
        <source>countersigning the audit trail</source>
        <translation>refrendar el registro de auditoría</translation>
    </message>
    <message>
        <source>deciding a clearance for a restricted employer</source>
        <translation>decidir sobre un empleador con restricciones de contratación</translation>
    </message>
    <message>
        <source>editing the letter template</source>
        <translation>editar la plantilla de carta</translation>
    </message>
    <message>
        <source>enrolling a laptop</source>
        <translation>inscribir una computadora</translation>
    </message>
    <message>
        <source>importing survivors</source>
        <translation>importar personas</translation>
    </message>
    <message>
        <source>joining a team program</source>
        <translation>unirse a un programa de equipo</translation>
    </message>
    <message>
        <source>lifting a legal hold</source>
        <translation>levantar una retención legal</translation>
    </message>
    <message>
        <source>listing accounts</source>
        <translation>ver la lista de cuentas</translation>
    </message>
    <message>
        <source>listing backups</source>
        <translation>ver la lista de copias de seguridad</translation>
    </message>
    <message>
        <source>listing employers</source>
        <translation>ver la lista de empleadores</translation>
    </message>
    <message>
        <source>listing expiring consents</source>
        <translation>ver los consentimientos que vencen pronto</translation>
    </message>
    <message>
        <source>listing internships ending soon</source>
        <translation>ver las pasantías que terminan pronto</translation>
    </message>
    <message>
        <source>listing legal holds</source>
        <translation>ver las retenciones legales</translation>
    </message>
    <message>
        <source>listing employers&apos; self-assessments due</source>
        <translation>ver las autoevaluaciones pendientes de los empleadores</translation>
    </message>
    <message>
        <source>listing positions</source>
        <translation>ver la lista de puestos</translation>
    </message>
    <message>
        <source>listing scans</source>
        <translation>ver la lista de escaneos</translation>
    </message>
    <message>
        <source>listing staff names</source>
        <translation>ver los nombres del personal</translation>
    </message>
    <message>
        <source>listing sync conflicts</source>
        <translation>ver los conflictos de sincronización</translation>
    </message>
    <message>
        <source>listing tasks</source>
        <translation>ver la lista de tareas</translation>
    </message>
    <message>
        <source>listing the caseload</source>
        <translation>ver la lista de casos</translation>
    </message>
    <message>
        <source>listing the program&apos;s laptops</source>
        <translation>ver las computadoras del programa</translation>
    </message>
    <message>
        <source>listing what is due for purge</source>
        <translation>ver lo que ya venció y se debe eliminar</translation>
    </message>
    <message>
        <source>listing who may be referred</source>
        <translation>ver a quién se puede referir</translation>
    </message>
    <message>
        <source>listing workshops</source>
        <translation>ver la lista de talleres</translation>
    </message>
    <message>
        <source>making a backup</source>
        <translation>hacer una copia de seguridad</translation>
    </message>
    <message>
        <source>matching survivors to a position</source>
        <translation>buscar personas para un puesto</translation>
    </message>
    <message>
        <source>moving a case along the placement pipeline</source>
        <translation>avanzar un caso en el proceso de colocación</translation>
    </message>
    <message>
        <source>opening a survivor record</source>
        <translation>abrir el expediente de una persona</translation>
    </message>
    <message>
        <source>opening an employment profile</source>
        <translation>abrir un perfil de empleo</translation>
    </message>
    <message>
        <source>opening or closing a position</source>
        <translation>abrir o cerrar un puesto</translation>
    </message>
    <message>
        <source>opening the dashboard</source>
        <translation>abrir el panel de supervisión</translation>
    </message>
    <message>
        <source>placing a legal hold</source>
        <translation>poner una retención legal</translation>
    </message>
    <message>
        <source>preparing the funder report</source>
        <translation>preparar el informe para financiadores</translation>
    </message>
    <message>
        <source>preparing the outcome report</source>
        <translation>preparar el informe de resultados</translation>
    </message>
    <message>
        <source>printing a consent form</source>
        <translation>imprimir un formulario de autorización</translation>
    </message>
    <message>
        <source>printing a survivor&apos;s plan</source>
        <translation>imprimir el plan de una persona</translation>
    </message>
    <message>
        <source>pruning backups</source>
        <translation>quitar copias de seguridad antiguas</translation>
    </message>
    <message>
        <source>purging a case</source>
        <translation>eliminar definitivamente un caso</translation>
    </message>
    <message>
        <source>purging what is due</source>
        <translation>eliminar lo que ya venció</translation>
    </message>
    <message>
        <source>reading a staff name</source>
        <translation>leer el nombre de alguien del personal</translation>
    </message>
    <message>
        <source>reading barriers</source>
        <translation>leer los obstáculos</translation>
    </message>
    <message>
        <source>reading case notes</source>
        <translation>leer las notas del caso</translation>
    </message>
    <message>
        <source>reading case reviews</source>
        <translation>leer las revisiones del caso</translation>
    </message>
    <message>
        <source>reading check-ins</source>
        <translation>leer las revisiones del avance</translation>
    </message>
    <message>
        <source>reading clearances for restricted employers</source>
        <translation>leer las decisiones sobre empleadores con restricciones de contratación</translation>
    </message>
    <message>
        <source>reading consents</source>
        <translation>leer los consentimientos</translation>
    </message>
    <message>
        <source>reading documents</source>
        <translation>leer los documentos</translation>
    </message>
    <message>
        <source>reading goals</source>
        <translation>leer las metas</translation>
    </message>
    <message>
        <source>reading internships</source>
        <translation>leer las pasantías</translation>
    </message>
    <message>
        <source>reading sensitive details</source>
        <translation>leer los datos confidenciales</translation>
    </message>
    <message>
        <source>reading tasks</source>
        <translation>leer las tareas</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>leer el registro de auditoría</translation>
    </message>
    <message>
        <source>reading the export log</source>
        <translation>leer el registro de exportaciones</translation>
    </message>
    <message>
        <source>reading the letter template</source>
        <translation>leer la plantilla de carta</translation>
    </message>
    <message>
        <source>reading the letterhead</source>
        <translation>leer el membrete</translation>
    </message>
    <message>
        <source>reading the placement pipeline</source>
        <translation>leer el proceso de colocación</translation>
    </message>
    <message>
        <source>reading the retention policy</source>
        <translation>leer la política de conservación</translation>
    </message>
    <message>
        <source>reading an employer&apos;s self-assessments</source>
        <translation>leer las autoevaluaciones de un empleador</translation>
    </message>
    <message>
        <source>reading the services given</source>
        <translation>leer los servicios prestados</translation>
    </message>
    <message>
        <source>reading the sync folder</source>
        <translation>leer la carpeta de sincronización</translation>
    </message>
    <message>
        <source>reading the team program&apos;s keys</source>
        <translation>leer las claves del programa de equipo</translation>
    </message>
    <message>
        <source>reading the team&apos;s sync status</source>
        <translation>leer el estado de sincronización del equipo</translation>
    </message>
    <message>
        <source>reading workshop completion</source>
        <translation>leer los talleres terminados</translation>
    </message>
    <message>
        <source>reading your language</source>
        <translation>leer su idioma</translation>
    </message>
    <message>
        <source>recording a consent</source>
        <translation>anotar un consentimiento</translation>
    </message>
    <message>
        <source>recording a service</source>
        <translation>anotar un servicio</translation>
    </message>
    <message>
        <source>recording an employer&apos;s self-assessment</source>
        <translation>anotar la autoevaluación de un empleador</translation>
    </message>
    <message>
        <source>recording a workshop</source>
        <translation>anotar un taller</translation>
    </message>
    <message>
        <source>recording workshop attendance</source>
        <translation>anotar la asistencia a un taller</translation>
    </message>
    <message>
        <source>removing a recorded service</source>
        <translation>quitar un servicio anotado</translation>
    </message>
    <message>
        <source>removing a workshop session</source>
        <translation>quitar una sesión de taller</translation>
    </message>
    <message>
        <source>removing an account</source>
        <translation>quitar una cuenta</translation>
    </message>
    <message>
        <source>replacing the audit signer</source>
        <translation>reemplazar la clave que firma el registro de auditoría</translation>
    </message>
    <message>
        <source>replacing the recovery key</source>
        <translation>reemplazar la clave de recuperación</translation>
    </message>
    <message>
        <source>resetting another account&apos;s passphrase</source>
        <translation>restablecer la frase de acceso de otra cuenta</translation>
    </message>
    <message>
        <source>resolving a barrier</source>
        <translation>resolver un obstáculo</translation>
    </message>
    <message>
        <source>reviewing a case</source>
        <translation>revisar un caso</translation>
    </message>
    <message>
        <source>revoking a consent</source>
        <translation>revocar un consentimiento</translation>
    </message>
    <message>
        <source>revoking a laptop</source>
        <translation>revocar una computadora</translation>
    </message>
    <message>
        <source>preparing a referral letter</source>
        <translation>preparar una carta de referencia</translation>
    </message>
    <message>
        <source>preparing an employer profile</source>
        <translation>preparar un perfil para el empleador</translation>
    </message>
    <message>
        <source>searching</source>
        <translation>buscar</translation>
    </message>
    <message>
        <source>setting another person&apos;s name and title</source>
        <translation>indicar el nombre y el cargo de otra persona</translation>
    </message>
    <message>
        <source>setting the sync folder</source>
        <translation>indicar la carpeta de sincronización</translation>
    </message>
    <message>
        <source>setting your name and title</source>
        <translation>indicar su nombre y su cargo</translation>
    </message>
    <message>
        <source>settling a sync conflict</source>
        <translation>resolver un conflicto de sincronización</translation>
    </message>
    <message>
        <source>starting team use</source>
        <translation>empezar a usar el programa en equipo</translation>
    </message>
    <message>
        <source>syncing with the team</source>
        <translation>sincronizar con el equipo</translation>
    </message>
    <message>
        <source>taking in a survivor</source>
        <translation>registrar el ingreso de una persona</translation>
    </message>
    <message>
        <source>verifying the audit trail</source>
        <translation>verificar el registro de auditoría</translation>
    </message>
    <message>
        <source>viewing a scan</source>
        <translation>ver un escaneo</translation>
    </message>
    <message>
        <source>withdrawing a clearance</source>
        <translation>retirar una decisión sobre un empleador</translation>
    </message>
    <message>
        <source>writing a case note</source>
        <translation>escribir una nota del caso</translation>
    </message>
    <message>
        <source>checking for duplicates</source>
        <translation>buscar duplicados</translation>
    </message>
    <message>
        <source>ending an apprenticeship</source>
        <translation>terminar un aprendizaje</translation>
    </message>
    <message>
        <source>looking for duplicate records</source>
        <translation>buscar expedientes duplicados</translation>
    </message>
    <message>
        <source>merging two records</source>
        <translation>unir dos expedientes</translation>
    </message>
    <message>
        <source>naming a placement&apos;s supervisor and mentor</source>
        <translation>indicar el/la supervisor/a y el/la mentor/a de una colocación</translation>
    </message>
    <message>
        <source>reading a placement</source>
        <translation>ver una colocación</translation>
    </message>
    <message>
        <source>reading a placement&apos;s contacts</source>
        <translation>ver los contactos de una colocación</translation>
    </message>
    <message>
        <source>reading apprenticeships</source>
        <translation>ver los aprendizajes</translation>
    </message>
    <message>
        <source>reading employer coaching contacts</source>
        <translation>ver los acompañamientos con empleadores</translation>
    </message>
    <message>
        <source>recording an employer coaching contact</source>
        <translation>anotar un acompañamiento con un empleador</translation>
    </message>
    <message>
        <source>available {0} h/week</source>
        <translation>disponible {0} h/semana</translation>
    </message>
    <message>
        <source>available {0} h/week (a little short)</source>
        <translation>disponible {0} h/semana (un poco menos)</translation>
    </message>
    <message>
        <source>can start in time</source>
        <translation>puede empezar a tiempo</translation>
    </message>
    <message>
        <source>skills: {0}</source>
        <translation>habilidades: {0}</translation>
    </message>
    <message>
        <source>{0} readiness workshop</source>
        <translation>{0} taller de preparación</translation>
    </message>
    <message>
        <source>{0} readiness workshops</source>
        <translation>{0} talleres de preparación</translation>
    </message>
    <message>
        <source>ready for I-9</source>
        <translation>documentos listos para el I-9</translation>
    </message>
    <message>
        <source>their employment goal names this industry</source>
        <translation>su meta de empleo menciona este sector</translation>
    </message>
    <message>
        <source>their employment goal names another industry</source>
        <translation>su meta de empleo menciona otro sector</translation>
    </message>
    <message>
        <source>their employment goal names this shift</source>
        <translation>su meta de empleo menciona este turno</translation>
    </message>
    <message>
        <source>their employment goal names another shift</source>
        <translation>su meta de empleo menciona otro turno</translation>
    </message>
    <message>
        <source>their employment goal names this area</source>
        <translation>su meta de empleo menciona esta zona</translation>
    </message>
    <message>
        <source>has a way to get to this area</source>
        <translation>tiene cómo llegar a esta zona</translation>
    </message>
    <message>
        <source>needs a ride to this area</source>
        <translation>necesita transporte para llegar a esta zona</translation>
    </message>
    <message>
        <source>ready to match: completed the readiness track</source>
        <translation>puede pasar a la búsqueda de empleo: terminó la ruta de preparación</translation>
    </message>
    <message>
        <source>This employer&apos;s hiring restrictions may apply. Talk with the case manager before referring (a vacatur petition may help). The employer is never told why.</source>
        <translation>Las restricciones de contratación de este empleador podrían aplicarse. Hable con el/la gestor/a de casos antes de referir (una petición de anulación, vacatur, podría ayudar). Al empleador nunca se le dice por qué.</translation>
    </message>
    <message>
        <source>This employer has hiring restrictions: ask the survivor&apos;s case manager whether this referral fits before making it.</source>
        <translation>Este empleador tiene restricciones de contratación: antes de hacer esta referencia, pregunte al/a la gestor/a de casos de la persona si es adecuada.</translation>
    </message>
    <message>
        <source>Cleared by the case manager for this employer.</source>
        <translation>Aprobado por el/la gestor/a de casos para este empleador.</translation>
    </message>
    <message>
        <source>You recorded that this employer is not suitable for this survivor; the reason is on the record&apos;s Sensitive tab.</source>
        <translation>Usted anotó que este empleador no es adecuado para esta persona; el motivo está en la pestaña Confidencial del expediente.</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>choose at least one workshop for the readiness track</source>
        <translation>elija al menos un taller para la ruta de preparación</translation>
    </message>
    <message>
        <source>names a workshop that does not exist</source>
        <translation>menciona un taller que no existe</translation>
    </message>
    <message>
        <source>a service type needs a name</source>
        <translation>un tipo de servicio necesita un nombre</translation>
    </message>
    <message>
        <source>a service type&apos;s name is at most {0} characters</source>
        <translation>el nombre de un tipo de servicio tiene como máximo {0} caracteres</translation>
    </message>
    <message>
        <source>is already a built-in service type</source>
        <translation>ya es un tipo de servicio predefinido</translation>
    </message>
    <message>
        <source>the same service type is listed twice</source>
        <translation>el mismo tipo de servicio aparece dos veces</translation>
    </message>
    <message>
        <source>at most {0} service types can be added</source>
        <translation>se pueden agregar como máximo {0} tipos de servicio</translation>
    </message>
    <message>
        <source>is longer than {0} characters</source>
        <translation>tiene más de {0} caracteres</translation>
    </message>
    <message>
        <source>holds control characters</source>
        <translation>contiene caracteres de control</translation>
    </message>
    <message>
        <source>{0} is not an email address</source>
        <translation>{0} no es un correo electrónico</translation>
    </message>
    <message>
        <source>{0} is not a phone number</source>
        <translation>{0} no es un número de teléfono</translation>
    </message>
    <message>
        <source>{0} is not a date (use YYYY-MM-DD)</source>
        <translation>{0} no es una fecha (use AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>{0} is after the goal&apos;s target date {1}</source>
        <translation>{0} es posterior al plazo de la meta ({1})</translation>
    </message>
    <message>
        <source>must be between {0} and {1}</source>
        <translation>debe estar entre {0} y {1}</translation>
    </message>
    <message>
        <source>use 1-32 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;/&apos; or &apos;.&apos;</source>
        <translation>use de 1 a 32 letras, dígitos, &apos;-&apos;, &apos;_&apos;, &apos;/&apos; o &apos;.&apos;</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>es una fecha futura</translation>
    </message>
    <message>
        <source>is before 1900</source>
        <translation>es anterior a 1900</translation>
    </message>
    <message>
        <source>choose at least one category to share</source>
        <translation>elija al menos una categoría para compartir</translation>
    </message>
    <message>
        <source>a consent lasts at most a year; ask again after that</source>
        <translation>un consentimiento dura como máximo un año; después, vuelva a pedirlo</translation>
    </message>
    <message>
        <source>must come after the date signed</source>
        <translation>debe ser posterior a la fecha de firma</translation>
    </message>
    <message>
        <source>internships in this program are paid</source>
        <translation>las pasantías de este programa son remuneradas</translation>
    </message>
    <message>
        <source>say why the person left the pipeline</source>
        <translation>indique por qué la persona salió del proceso</translation>
    </message>
    <message>
        <source>must be in the future for a new goal</source>
        <translation>debe ser una fecha futura para una meta nueva</translation>
    </message>
    <message>
        <source>must be between $0 and $1,000 an hour</source>
        <translation>debe estar entre $0 y $1,000 por hora</translation>
    </message>
    <message>
        <source>is before the previous step</source>
        <translation>es anterior a la etapa anterior</translation>
    </message>
    <message>
        <source>the case has already exited the pipeline</source>
        <translation>el caso ya salió del proceso</translation>
    </message>
    <message>
        <source>list at most 50 skills of up to 100 characters</source>
        <translation>anote como máximo 50 habilidades de hasta 100 caracteres</translation>
    </message>
    <message>
        <source>{0} already exists</source>
        <translation>{0} ya existe</translation>
    </message>
    <message>
        <source>{0} repeats row {1}</source>
        <translation>{0} ya aparece en la fila {1}</translation>
    </message>
    <message>
        <source>{0} is not a date (use MM/DD/YYYY)</source>
        <translation>{0} no es una fecha (use MM/DD/AAAA)</translation>
    </message>
    <message>
        <source>{0} is not a date (use DD/MM/YYYY)</source>
        <translation>{0} no es una fecha (use DD/MM/AAAA)</translation>
    </message>
    <message>
        <source>{0} is not a number</source>
        <translation>{0} no es un número</translation>
    </message>
    <message>
        <source>{0} is not one of Labor, Sex, Labor and sex, At risk, Not recorded</source>
        <translation>{0} no es un tipo de trata reconocido (escriba Laboral, Sexual, Laboral y sexual, En riesgo o Sin registrar)</translation>
    </message>
    <message>
        <source>{0} is not a case manager&apos;s account</source>
        <translation>{0} no es la cuenta de un/a gestor/a de casos</translation>
    </message>
    <message>
        <source>a case manager imports into their own caseload only</source>
        <translation>cada gestor/a de casos importa solo a su propia lista de casos</translation>
    </message>
    <message>
        <source>has more cells than the header has columns</source>
        <translation>tiene más celdas que encabezados de columna</translation>
    </message>
    <message>
        <source>the file has no rows to import</source>
        <translation>el archivo no tiene filas para importar</translation>
    </message>
    <message>
        <source>no column fills {0}, which is required</source>
        <translation>ninguna columna llena el campo {0}, que es obligatorio</translation>
    </message>
    <message>
        <source>columns {0} all fill {1}; choose one</source>
        <translation>las columnas {0} llenan el mismo campo, {1}; elija una</translation>
    </message>
    <message>
        <source>the mapping does not match the columns</source>
        <translation>la relación de campos no coincide con las columnas</translation>
    </message>
    <message>
        <source>the file is larger than {0} MiB</source>
        <translation>el archivo pesa más de {0} MiB</translation>
    </message>
    <message>
        <source>the file is not text in UTF-8, UTF-16 or Windows-1252 (save the spreadsheet as &apos;CSV UTF-8&apos;)</source>
        <translation>el archivo no es texto en UTF-8, UTF-16 ni Windows-1252 (guarde la hoja de cálculo como &apos;CSV UTF-8&apos;)</translation>
    </message>
    <message>
        <source>the file cannot be read as CSV ({0})</source>
        <translation>el archivo no se puede leer como CSV ({0})</translation>
    </message>
    <message>
        <source>a cell is longer than {0} KiB; no field of a case record is that long</source>
        <translation>una celda tiene más de {0} KiB; ningún dato de un caso es tan largo</translation>
    </message>
    <message>
        <source>the file cannot be read as an Excel workbook ({0})</source>
        <translation>el archivo no se puede leer como libro de Excel ({0})</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>el libro no tiene ninguna hoja</translation>
    </message>
    <message>
        <source>the workbook has no sheet {0} (it has {1})</source>
        <translation>el libro no tiene una hoja {0} (tiene {1})</translation>
    </message>
    <message>
        <source>the workbook unpacks to more than a caseload could hold; save the sheet as CSV and import that</source>
        <translation>el libro descomprimido ocupa mucho más de lo que cabe en una lista de casos; guarde la hoja como CSV e importe ese archivo</translation>
    </message>
    <message>
        <source>old Excel files (.xls) cannot be read; save the spreadsheet as .xlsx or CSV</source>
        <translation>los archivos antiguos de Excel (.xls) no se pueden leer; guarde la hoja de cálculo como .xlsx o CSV</translation>
    </message>
    <message>
        <source>CSV, {0}, comma-separated</source>
        <translation>CSV, {0}, separado por comas</translation>
    </message>
    <message>
        <source>CSV, {0}, semicolon-separated</source>
        <translation>CSV, {0}, separado por punto y coma</translation>
    </message>
    <message>
        <source>CSV, {0}, tab-separated</source>
        <translation>CSV, {0}, separado por tabulaciones</translation>
    </message>
    <message>
        <source>Excel workbook, sheet {0}</source>
        <translation>Libro de Excel, hoja {0}</translation>
    </message>
    <message>
        <source>row {0}: {1}</source>
        <translation>fila {0}: {1}</translation>
    </message>
    <message>
        <source>row {0}: {1}: {2}</source>
        <translation>fila {0}: {1}: {2}</translation>
    </message>
    <message>
        <source>nothing was imported; fix these and try again:</source>
        <translation>no se importó nada; corrija esto e intente de nuevo:</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… y {0} más</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Legal first name</source>
        <translation>Nombre(s) legal(es)</translation>
    </message>
    <message>
        <source>Legal last name</source>
        <translation>Apellido(s) legal(es)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>Específica</translation>
    </message>
    <message>
        <source>Measurable</source>
        <translation>Medible</translation>
    </message>
    <message>
        <source>Achievable</source>
        <translation>Alcanzable</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>Relevante</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Milestone due date</source>
        <translation>Fecha límite del paso</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Qué se comparte</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Salario</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Remunerada</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Terminado el</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Espere %n segundo e intente de nuevo.</numerusform>
            <numerusform>Demasiados intentos fallidos. Espere %n segundos e intente de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>audit trail intact: {0} entries, chain and head verified</source>
        <translation>registro de auditoría intacto: {0} entradas; la cadena y el encabezado se verificaron</translation>
    </message>
    <message>
        <source>audit trail damaged at entry {0}: {1}</source>
        <translation>registro de auditoría dañado en la entrada {0}: {1}</translation>
    </message>
    <message>
        <source>audit trail damaged: {0}</source>
        <translation>registro de auditoría dañado: {0}</translation>
    </message>
    <message>
        <source>audit checkpoints: none yet; all {0} entries are not yet countersigned (a supervisor&apos;s unlock makes one)</source>
        <translation>puntos de control de la auditoría: todavía ninguno; ninguna de las {0} entradas está refrendada todavía (el desbloqueo de un/a supervisor/a crea uno)</translation>
    </message>
    <message>
        <source>audit checkpoints: {0}</source>
        <translation>puntos de control de la auditoría: {0}</translation>
    </message>
    <message>
        <source>countersigned through entry {0} ({1}, {2}; signer {3}); {4} entries after it are not yet countersigned</source>
        <translation>refrendado hasta la entrada {0} ({1}, {2}; firmante {3}); las {4} entradas posteriores todavía no están refrendadas</translation>
    </message>
    <message>
        <source>entry {0} is missing (deleted)</source>
        <translation>falta la entrada {0} (se borró)</translation>
    </message>
    <message>
        <source>entry {0} is out of order</source>
        <translation>la entrada {0} está fuera de orden</translation>
    </message>
    <message>
        <source>its content or position was changed (MAC does not match)</source>
        <translation>se cambió su contenido o su posición (el MAC no coincide)</translation>
    </message>
    <message>
        <source>it differs from the head kept in the key file</source>
        <translation>no coincide con el encabezado guardado en el archivo de clave</translation>
    </message>
    <message>
        <source>the key file holds no audit head (it was replaced or edited)</source>
        <translation>el archivo de clave no tiene encabezado de auditoría (se reemplazó o se editó)</translation>
    </message>
    <message>
        <source>entries {0} to {1} are missing (truncated)</source>
        <translation>faltan las entradas {0} a {1} (se truncó)</translation>
    </message>
    <message>
        <source>the checkpoint at entry {0} does not verify (it was changed)</source>
        <translation>el punto de control de la entrada {0} no se verifica (se cambió)</translation>
    </message>
    <message>
        <source>the checkpoint at entry {0} is signed by a key you never endorsed (fingerprint {1})</source>
        <translation>el punto de control de la entrada {0} está firmado con una clave que usted nunca aprobó (huella {1})</translation>
    </message>
    <message>
        <source>entry {0} differs from what {1} countersigned on {2}: the trail was rewritten</source>
        <translation>la entrada {0} no coincide con lo que {1} refrendó el {2}: el registro se reescribió</translation>
    </message>
    <message>
        <source>entries after {0} are missing: {1} countersigned entry {2} on {3}</source>
        <translation>faltan entradas después de la {0}: {1} refrendó la entrada {2} el {3}</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>Something went wrong ({0}). Check the database (Tools menu) before going on.</source>
        <translation>Algo salió mal ({0}). Revise la base de datos (menú Herramientas) antes de continuar.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Signed on paper</source>
        <translation>Firmada en papel</translation>
    </message>
    <message>
        <source>Signed electronically</source>
        <translation>Firmada electrónicamente</translation>
    </message>
    <message>
        <source>Spoken, with a witness</source>
        <translation>De palabra, con un testigo</translation>
    </message>
    <message>
        <source>Orally (told to staff)</source>
        <translation>De palabra (se lo dijo al personal)</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Por escrito</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Skills and certifications</source>
        <translation>Habilidades y certificaciones</translation>
    </message>
    <message>
        <source>Workshops completed</source>
        <translation>Talleres terminados</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
    <message>
        <source>Employment goals</source>
        <translation>Metas de empleo</translation>
    </message>
    <message>
        <source>Work through the program</source>
        <translation>Trabajo con el programa</translation>
    </message>
    <message>
        <source>Supports at work</source>
        <translation>Apoyos en el trabajo</translation>
    </message>
    <message>
        <source>Documents ready for I-9</source>
        <translation>Documentos listos para el I-9</translation>
    </message>
    <message>
        <source>Candidate profile</source>
        <translation>Perfil de candidato/a</translation>
    </message>
    <message>
        <source>Referral letter</source>
        <translation>Carta de referencia</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Legal</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Todavía no se sabe</translation>
    </message>
    <message>
        <source>Public transit</source>
        <translation>Transporte público</translation>
    </message>
    <message>
        <source>Own vehicle</source>
        <translation>Vehículo propio</translation>
    </message>
    <message>
        <source>Walks or bikes</source>
        <translation>Camina o va en bicicleta</translation>
    </message>
    <message>
        <source>Needs a ride</source>
        <translation>Necesita transporte</translation>
    </message>
    <message>
        <source>Hospitality</source>
        <translation>Hotelería y restaurantes</translation>
    </message>
    <message>
        <source>Aviation</source>
        <translation>Aviación</translation>
    </message>
    <message>
        <source>Maritime</source>
        <translation>Marítimo</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Comercio minorista</translation>
    </message>
    <message>
        <source>Warehouse and logistics</source>
        <translation>Almacenes y logística</translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation>Servicios de salud</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>Gestión de casos</translation>
    </message>
    <message>
        <source>Employment readiness</source>
        <translation>Preparación para el empleo</translation>
    </message>
    <message>
        <source>Job placement assistance</source>
        <translation>Ayuda para conseguir empleo</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Interpretación</translation>
    </message>
    <message>
        <source>Referral to housing</source>
        <translation>Referencia a servicios de vivienda</translation>
    </message>
    <message>
        <source>Referral to legal services</source>
        <translation>Referencia a servicios legales</translation>
    </message>
    <message>
        <source>Referral to health care</source>
        <translation>Referencia a servicios de salud</translation>
    </message>
    <message>
        <source>Referral to education</source>
        <translation>Referencia a servicios de educación</translation>
    </message>
    <message>
        <source>Emergency financial help</source>
        <translation>Ayuda económica de emergencia</translation>
    </message>
    <message>
        <source>Accompaniment (court, appointments)</source>
        <translation>Acompañamiento (tribunal, citas)</translation>
    </message>
    <message>
        <source>Emotional support and safety planning</source>
        <translation>Apoyo emocional y plan de seguridad</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Organisation-wide policy</source>
        <translation>Política en toda la organización</translation>
    </message>
    <message>
        <source>Travel policy</source>
        <translation>Política de viajes</translation>
    </message>
    <message>
        <source>Entertainment and expense policy</source>
        <translation>Política de gastos y entretenimiento</translation>
    </message>
    <message>
        <source>Work time policy</source>
        <translation>Política de horario de trabajo</translation>
    </message>
    <message>
        <source>Work properties policy</source>
        <translation>Política de instalaciones de trabajo</translation>
    </message>
    <message>
        <source>Reporting procedures</source>
        <translation>Procedimientos para denunciar</translation>
    </message>
    <message>
        <source>Disciplinary procedures</source>
        <translation>Procedimientos disciplinarios</translation>
    </message>
    <message>
        <source>Employee training</source>
        <translation>Capacitación del personal</translation>
    </message>
    <message>
        <source>Supplier code of conduct</source>
        <translation>Código de conducta para proveedores</translation>
    </message>
    <message>
        <source>Trauma-informed supervision</source>
        <translation>Supervisión informada sobre el trauma</translation>
    </message>
    <message>
        <source>Stress, trauma and resilience training for supervisors</source>
        <translation>Capacitación sobre estrés, trauma y resiliencia para supervisores/as</translation>
    </message>
    <message>
        <source>Leadership commitment</source>
        <translation>Compromiso de la dirección</translation>
    </message>
    <message>
        <source>Customer engagement</source>
        <translation>Participación de los clientes</translation>
    </message>
    <message>
        <source>Any shift</source>
        <translation>Cualquier turno</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Fin de semana</translation>
    </message>
    <message>
        <source>Rotating</source>
        <translation>Rotativo</translation>
    </message>
    <message>
        <source>No record of violent or sexual crimes</source>
        <translation>Sin antecedentes de delitos violentos o sexuales</translation>
    </message>
    <message>
        <source>No criminal record</source>
        <translation>Sin antecedentes penales</translation>
    </message>
    <message>
        <source>Background check</source>
        <translation>Verificación de antecedentes</translation>
    </message>
    <message>
        <source>Drug test</source>
        <translation>Prueba de drogas</translation>
    </message>
    <message>
        <source>Safe employer</source>
        <translation>Empleador seguro</translation>
    </message>
    <message>
        <source>Developing</source>
        <translation>En desarrollo</translation>
    </message>
    <message>
        <source>Not yet assessed as safe</source>
        <translation>Aún no evaluado como seguro</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Búsqueda de empleo</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <source>Internship</source>
        <translation>Pasantía</translation>
    </message>
    <message>
        <source>Apprenticeship</source>
        <translation>Aprendizaje</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Con empleo</translation>
    </message>
    <message>
        <source>Retained 30 days</source>
        <translation>En el empleo: 30 días</translation>
    </message>
    <message>
        <source>Retained 60 days</source>
        <translation>En el empleo: 60 días</translation>
    </message>
    <message>
        <source>Retained 90 days</source>
        <translation>En el empleo: 90 días</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Salió del proceso</translation>
    </message>
    <message>
        <source>Stress management</source>
        <translation>Manejo del estrés</translation>
    </message>
    <message>
        <source>SMART goals</source>
        <translation>Metas SMART</translation>
    </message>
    <message>
        <source>Giving and receiving feedback</source>
        <translation>Dar y recibir comentarios</translation>
    </message>
    <message>
        <source>Setting up for success at work</source>
        <translation>Prepararse para tener éxito en el trabajo</translation>
    </message>
    <message>
        <source>Resume building</source>
        <translation>Cómo hacer un currículum</translation>
    </message>
    <message>
        <source>Tailoring a resume to a new industry</source>
        <translation>Adaptar el currículum a un nuevo sector</translation>
    </message>
    <message>
        <source>Pre-apprenticeship</source>
        <translation>Preaprendizaje</translation>
    </message>
    <message>
        <source>Registered apprenticeship</source>
        <translation>Aprendizaje registrado</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Inducción</translation>
    </message>
    <message>
        <source>Schedule and hours</source>
        <translation>Horario y horas</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Desempeño</translation>
    </message>
    <message>
        <source>A workplace issue</source>
        <translation>Un problema en el trabajo</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Transgender</source>
        <translation>Transgénero</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>No binario</translation>
    </message>
    <message>
        <source>Self-described</source>
        <translation>Descrito en sus propias palabras</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <source>Active cases</source>
        <translation>Casos activos</translation>
    </message>
    <message>
        <source>Overdue milestones</source>
        <translation>Pasos atrasados</translation>
    </message>
    <message>
        <source>No contact in 30 days</source>
        <translation>Sin contacto en 30 días</translation>
    </message>
    <message>
        <source>Documents outstanding</source>
        <translation>Documentos pendientes</translation>
    </message>
    <message>
        <source>Releases expiring in 14 days</source>
        <translation>Autorizaciones que vencen en 14 días</translation>
    </message>
    <message>
        <source>Tasks overdue</source>
        <translation>Tareas atrasadas</translation>
    </message>
    <message>
        <source>Birth certificate</source>
        <translation>Acta de nacimiento</translation>
    </message>
    <message>
        <source>State ID or driver&apos;s license</source>
        <translation>Identificación estatal o licencia de conducir</translation>
    </message>
    <message>
        <source>Social Security card</source>
        <translation>Tarjeta del Seguro Social</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <source>Work authorization (EAD)</source>
        <translation>Permiso de trabajo (EAD)</translation>
    </message>
    <message>
        <source>T-visa or Continued Presence letter</source>
        <translation>Visa T o carta de Presencia Continuada</translation>
    </message>
    <message>
        <source>Vacatur court order</source>
        <translation>Orden judicial de anulación (vacatur)</translation>
    </message>
    <message>
        <source>Diploma or certificate</source>
        <translation>Diploma o certificado</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Otro documento</translation>
    </message>
    <message>
        <source>Your preferred first name (never your legal name)</source>
        <translation>Su nombre preferido (nunca su nombre legal)</translation>
    </message>
    <message>
        <source>Workshops you completed, your skills and certifications</source>
        <translation>Los talleres que terminó, sus habilidades y certificaciones</translation>
    </message>
    <message>
        <source>Hours you can work, when you can start, how you travel</source>
        <translation>Las horas que puede trabajar, cuándo puede empezar, cómo se transporta</translation>
    </message>
    <message>
        <source>The kind of work you are aiming for</source>
        <translation>El tipo de trabajo que busca</translation>
    </message>
    <message>
        <source>Internships and jobs you held through the program</source>
        <translation>Las pasantías y empleos que tuvo con el programa</translation>
    </message>
    <message>
        <source>Supports that help you at work, in neutral words</source>
        <translation>Los apoyos que le ayudan en el trabajo, en palabras neutrales</translation>
    </message>
    <message>
        <source>Whether your documents are ready for the I-9 check (yes or no)</source>
        <translation>Si sus documentos están listos para el formulario I-9 (sí o no)</translation>
    </message>
    <message>
        <source>preferred name</source>
        <translation>nombre preferido</translation>
    </message>
    <message>
        <source>workshops and skills</source>
        <translation>talleres y habilidades</translation>
    </message>
    <message>
        <source>availability</source>
        <translation>disponibilidad</translation>
    </message>
    <message>
        <source>employment goals</source>
        <translation>metas de empleo</translation>
    </message>
    <message>
        <source>work history</source>
        <translation>historial de trabajo</translation>
    </message>
    <message>
        <source>supports at work</source>
        <translation>apoyos en el trabajo</translation>
    </message>
    <message>
        <source>ready for I-9</source>
        <translation>documentos listos para el I-9</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>lograda</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>descartada</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>legal first name</source>
        <translation>nombre(s) legal(es)</translation>
    </message>
    <message>
        <source>legal last name</source>
        <translation>apellido(s) legal(es)</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>número de teléfono</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>número de caso</translation>
    </message>
    <message>
        <source>referral source</source>
        <translation>remitido/a por</translation>
    </message>
    <message>
        <source>safe times to contact</source>
        <translation>horarios seguros para contactar</translation>
    </message>
    <message>
        <source>history</source>
        <translation>historia</translation>
    </message>
    <message>
        <source>criminal record</source>
        <translation>antecedentes penales</translation>
    </message>
    <message>
        <source>immigration status</source>
        <translation>situación migratoria</translation>
    </message>
    <message>
        <source>health notes</source>
        <translation>notas de salud</translation>
    </message>
    <message>
        <source>safety plan</source>
        <translation>plan de seguridad</translation>
    </message>
    <message>
        <source>trafficking type or vacatur status</source>
        <translation>tipo de trata o situación de la anulación de condena (vacatur)</translation>
    </message>
    <message>
        <source>reason for a clearance decision</source>
        <translation>motivo de una decisión sobre un empleador</translation>
    </message>
    <message>
        <source>case review</source>
        <translation>revisión del caso</translation>
    </message>
    <message>
        <source>case notes</source>
        <translation>notas del caso</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tareas</translation>
    </message>
    <message>
        <source>document details</source>
        <translation>detalles de los documentos</translation>
    </message>
    <message>
        <source>barriers</source>
        <translation>obstáculos</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>metas</translation>
    </message>
    <message>
        <source>progress check-ins</source>
        <translation>revisiones del avance</translation>
    </message>
    <message>
        <source>skills and certifications</source>
        <translation>habilidades y certificaciones</translation>
    </message>
    <message>
        <source>workshops completed</source>
        <translation>talleres terminados</translation>
    </message>
    <message>
        <source>work through the program</source>
        <translation>trabajo a través del programa</translation>
    </message>
    <message>
        <source>documents ready for I-9</source>
        <translation>documentos listos para el I-9</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>step for the survivor</source>
        <translation>paso para la persona</translation>
    </message>
    <message>
        <source>call</source>
        <translation>llamar</translation>
    </message>
    <message>
        <source>text</source>
        <translation>enviar mensajes de texto</translation>
    </message>
    <message>
        <source>leave voicemail</source>
        <translation>dejar mensajes de voz</translation>
    </message>
    <message>
        <source>OK to {0}</source>
        <translation>Se puede {0}</translation>
    </message>
    <message>
        <source>Do not call, text or leave voicemail</source>
        <translation>No llamar, no enviar mensajes de texto ni dejar mensajes de voz</translation>
    </message>
    <message>
        <source>{0}; safe times: {1}</source>
        <translation>{0}; horarios seguros: {1}</translation>
    </message>
    <message>
        <source>Case review: {0}</source>
        <translation>Revisión del caso: {0}</translation>
    </message>
    <message>
        <source>{0}-day retention check-in</source>
        <translation>Revisión del avance a los {0} días en el empleo</translation>
    </message>
    <message>
        <source>Review what this survivor&apos;s profile shares with employers (a letter was refused)</source>
        <translation>Revisar lo que el perfil de esta persona comparte con los empleadores (se rechazó una carta)</translation>
    </message>
    <message>
        <source>Employer profile</source>
        <translation>Perfil para el empleador</translation>
    </message>
    <message>
        <source>The person’s own plan</source>
        <translation>El plan de la persona</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>la persona</translation>
    </message>
    <message>
        <source>goals, as staff wrote them</source>
        <translation>metas, como las redactó el personal</translation>
    </message>
    <message>
        <source>goals, in the person’s words</source>
        <translation>metas, en las propias palabras de la persona</translation>
    </message>
    <message>
        <source>steps, as staff wrote them</source>
        <translation>pasos, como los redactó el personal</translation>
    </message>
    <message>
        <source>steps, in the person’s words</source>
        <translation>pasos, en las propias palabras de la persona</translation>
    </message>
    <message>
        <source>tasks for the person</source>
        <translation>tareas para la persona</translation>
    </message>
    <message>
        <source>case manager</source>
        <translation>gestor/a de casos</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordinador/a</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor/a</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>No se necesita</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <source>With another agency</source>
        <translation>Con otra agencia</translation>
    </message>
    <message>
        <source>Attempt, no contact</source>
        <translation>Intento, sin contacto</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Labor</source>
        <translation>Laboral</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexual</translation>
    </message>
    <message>
        <source>Labor and sex</source>
        <translation>Laboral y sexual</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No aplica</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Puede solicitarla</translation>
    </message>
    <message>
        <source>Petition filed</source>
        <translation>Petición presentada</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Concedida</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Negada</translation>
    </message>
    <message>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Childcare</source>
        <translation>Cuidado infantil</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Criminal record</source>
        <translation>Antecedentes penales</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Sin decidir</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Not suitable</source>
        <translation>No es adecuado</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} ya existe. ¿Desea reemplazarlo?</translation>
    </message>
</context>
<context>
    <name>workshops</name>
    <message>
        <source>Record workshop attendance</source>
        <translation>Anotar la asistencia a un taller</translation>
    </message>
    <message numerus="yes">
        <source>Workshop recorded: %n person(s) at {0} on {1}. Edit ▸ Undo takes it back.</source>
        <translation>
            <numerusform>Taller anotado: %n persona en {0}, el {1}. Con Edición ▸ Deshacer se anula.</numerusform>
            <numerusform>Taller anotado: %n personas en {0}, el {1}. Con Edición ▸ Deshacer se anula.</numerusform>
        </translation>
    </message>
</context>
</TS>
