import json,re,sys
d=json.load(open('src/generated/resources/META-INF/io/camelfreeswitch/camel/freeswitch.json'))
def esc(s): return (s or '').replace('|','\\|')
def table(props, title):
    out=[f'=== {title}','','[width="100%",cols="2,5,^1,2",options="header"]','|===','| Name | Description | Default | Type']
    for name,p in props.items():
        typ=p.get('javaType','').replace('java.lang.','').replace('java.util.','')
        if p.get('javaType')=='long' and 'Duration' in (p.get('description','')+''): pass
        default=str(p.get('defaultValue','')) if 'defaultValue' in p else ''
        n=f'*{name}* ({p.get("group","")})'
        if p.get('prefix'): n+=f' prefix `{p["prefix"]}`'
        out.append(f'| {n} | {esc(p.get("description",""))} | {esc(default)} | {esc(typ)}')
    out.append('|===')
    return '\n'.join(out)
hdr=['=== Message headers','','[width="100%",cols="2,5,2",options="header"]','|===','| Name | Description | Type']
for name,p in d['headers'].items():
    hdr.append(f'| `{name}` ({p.get("group","common")}) | {esc(p.get("description",""))} | {esc(p.get("javaType",""))}')
hdr.append('|===')
body='\n\n'.join([
 table(d['componentProperties'],'Component options'),
 '=== Endpoint path\n\n`freeswitch:operation` — *operation* (required): ' + esc(d['properties']['operation']['description']),
 table({k:v for k,v in d['properties'].items() if k!='operation'},'Endpoint options'),
 '\n'.join(hdr)])
doc=open('src/main/docs/freeswitch-component.adoc').read()
start='// options and headers: START (generated from freeswitch.json by the metadata build; FreeSwitchDocumentationTest checks it)'
end='// options and headers: END'
if start in doc:
    doc=re.sub(re.escape(start)+'.*?'+re.escape(end), lambda m: start+'\n== Options\n\n'+body+'\n'+end, doc, flags=re.S)
else:
    i=doc.index('// component-configure options: START'); j=doc.index('// component headers: END')+len('// component headers: END')
    doc=doc[:i]+start+'\n== Options\n\n'+body+'\n'+end+doc[j:]
open('src/main/docs/freeswitch-component.adoc','w').write(doc)
