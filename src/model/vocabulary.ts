/**
 * Words the payload tokenizer keeps verbatim. Every other word becomes a shape token (`w3`, `a7`,
 * `hx`...), so the model cannot memorize benign vocabulary or attack lists word by word: it sees
 * the grammar of SQL, JS/HTML, shell, paths, templates and JNDI around a small set of words that
 * carry meaning in those languages. Changing this list changes the features: bump the feature
 * version in `features.ts` and retrain.
 */
const SQL = `select union all from where and or not xor like rlike regexp between in is null true false order
group by having limit offset insert into values update set delete drop table create alter truncate database
schema exec execute declare cast convert char chr nchar varchar concat concat_ws group_concat substring substr
mid ascii ord hex unhex sleep benchmark waitfor delay pg_sleep dbms_pipe receive_message randomblob load_file
outfile dumpfile information_schema tables columns table_name column_name schema_name version user
current_user system_user session_user database sysobjects syscolumns sysdatabases xp_cmdshell sp_executesql
sp_password case when then else end if iif elt extractvalue updatexml procedure analyse dual count distinct
utl_inaddr utl_http get_host_address ctxsys drithsx md5 sha1 floor rand exists top asc desc pg_catalog
sqlite_master mysql master msysaccessobjects nvarchar len lower upper isnull ifnull coalesce make_set
json_keys bitand dbms_utility sqlid_to_sqlhash generate_series regexp_substring xmltype`;

const WEB = `script javascript vbscript livescript alert prompt confirm eval document cookie window location
href src img image svg iframe frame frameset body html style expression import fromcharcode atob btoa string
constructor settimeout setinterval function return innerhtml outerhtml write writeln domain object embed base
meta link form input button details video audio math xmlns xlink srcdoc animate marquee formaction action
textarea select keygen isindex applet bgsound layer ilayer xss top self parent opener globalthis this
prototype __proto__ call apply bind new throw http-equiv refresh content charset url data text base64 dynsrc
lowsrc background poster template noscript title table`;

const SHELL = `cat ls id whoami uname pwd wget curl nc ncat netcat bash sh zsh cmd powershell ping nslookup dig dir
echo system passthru shell_exec popen proc_open pcntl_exec phpinfo net netstat ifconfig ipconfig rm chmod
chown touch python python3 perl ruby php node type more tail head ifs kill ps env printenv sudo su nohup
telnet ftp tftp uname hostname reboot shutdown certutil bitsadmin mshta rundll32 regsvr32 wmic cscript
wscript start copy del move`;

const PATHS = `etc passwd shadow hosts group issue boot win ini system32 windows winnt proc environ cmdline
htaccess htpasswd web-inf web xml inetpub wwwroot bin usr var log logs tmp dev null file asp aspx jsp jspx
cgi-bin conf config localstart global asa sam repair autoexec motd mysql httpd apache2 nginx access_log
error_log id_rsa ssh authorized_keys bash_history git env`;

const TEMPLATE_JNDI = `jndi ldap ldaps rmi dns iiop corba nis nds https ftp gopher dict expect phar zip glob
__class__ __globals__ __builtins__ __import__ __init__ __subclasses__ __mro__ __base__ os popen subprocess
getruntime runtime processbuilder freemarker velocity lipsum cycler joiner namespace request application
config class forname getclass classloader invoke lower env sys date`;

const MARKUP_DATA = `doctype entity element cdata attlist notation public xinclude objectclass cn uid
ne gt gte lt lte nin regex where expr eq exists or and nor not mapreduce function`;

/** Lowercase words emitted as themselves. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  [SQL, WEB, SHELL, PATHS, TEMPLATE_JNDI, MARKUP_DATA].join(' ').split(/\s+/).filter((w) => w !== ''),
);

/**
 * Punctuation sequences that mean one thing in an injection grammar, longest first: comments,
 * logical operators, traversal, template/expression delimiters, markup openers.
 */
export const OPERATORS: readonly string[] = [
  '<!--', '-->', '<![', ']]>', '/*!', '../', '..\\', '..', '/*', '*/', '--', '||', '&&', '<=', '>=', '<>', '!=',
  '==', ':=', '${', '#{', '{{', '}}', '{%', '%}', '<%', '%>', '$(', '</', '/>', '::', '@@', '//', '\\\\', '&#',
  '=>', '<<', '>>', ';;',
].sort((a, b) => b.length - a.length);
