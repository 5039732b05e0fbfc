"""Checks an ARM template's resources against the Azure SDK for Python's models (azure-mgmt-apimanagement and
azure-mgmt-authorization, as Debian's azure-cli ships them): every key must be one the resource's model maps, every required one present,
none read-only, each value of the type the model says, and the apiVersion the one the models describe. ARM expressions
("[...]") stand for any value. Prints one finding per line; nothing when the template is clean."""
import json
import sys

import importlib

# Each resource type: the models module, the model, and the API version those models describe.
APIM = ('azure.mgmt.apimanagement.models', None)
MODELS = {
    'Microsoft.ApiManagement/service': (APIM, 'ApiManagementServiceResource'),
    'Microsoft.ApiManagement/service/apis': (APIM, 'ApiCreateOrUpdateParameter'),
    'Microsoft.ApiManagement/service/apis/policies': (APIM, 'PolicyContract'),
    'Microsoft.ApiManagement/service/apis/operations': (APIM, 'OperationContract'),
    'Microsoft.ApiManagement/service/apis/operations/policies': (APIM, 'PolicyContract'),
    'Microsoft.ApiManagement/service/backends': (APIM, 'BackendContract'),
    'Microsoft.Authorization/roleAssignments': (('azure.mgmt.authorization.v2022_04_01.models', '2022-04-01'), 'RoleAssignmentCreateParameters'),
}
TEMPLATE_KEYS = {'type', 'apiVersion', 'name', 'dependsOn', 'condition', 'copy', 'comments', 'scope'}
PRIMITIVES = {'str': str, 'int': int, 'bool': bool, 'float': (int, float), 'object': object, 'iso-8601': str}


def apim_api_version():
    import inspect
    import re
    from azure.mgmt.apimanagement import _configuration
    return re.search(r'api_version", "([0-9-]+)"', inspect.getsource(_configuration)).group(1)


def expression(value):
    return isinstance(value, str) and value.startswith('[') and value.endswith(']')


def check_value(models, kind, value, where, findings):
    if expression(value):
        return
    if kind.startswith('[') and kind.endswith(']'):
        if not isinstance(value, list):
            findings.append(f'{where}: expected a list ({kind})')
            return
        for i, item in enumerate(value):
            check_value(models, kind[1:-1], item, f'{where}[{i}]', findings)
    elif kind.startswith('{') and kind.endswith('}'):
        if not isinstance(value, dict):
            findings.append(f'{where}: expected a map ({kind})')
            return
        for key, item in value.items():
            check_value(models, kind[1:-1], item, f'{where}.{key}', findings)
    elif kind in PRIMITIVES:
        expected = PRIMITIVES[kind]
        if expected is not object and (not isinstance(value, expected) or (kind == 'int' and isinstance(value, bool))):
            findings.append(f'{where}: expected {kind}, got {type(value).__name__}')
    elif hasattr(models, kind):
        check_model(models, getattr(models, kind), value, where, findings)
    else:
        findings.append(f'{where}: no model {kind} to check against')


def check_model(models, model, value, where, findings):
    if not isinstance(value, dict):
        findings.append(f'{where}: expected an object ({model.__name__})')
        return
    attributes = {spec['key'].replace('\\.', '.'): (attr, spec['type']) for attr, spec in model._attribute_map.items()}
    rules = getattr(model, '_validation', {})

    def walk(obj, prefix):
        for key, item in obj.items():
            path = prefix + key
            if path in attributes:
                attr, kind = attributes[path]
                if rules.get(attr, {}).get('readonly'):
                    findings.append(f'{where}.{path}: read-only in {model.__name__}')
                check_value(models, kind, item, f'{where}.{path}', findings)
            elif isinstance(item, dict) and any(a.startswith(path + '.') for a in attributes):
                walk(item, path + '.')
            else:
                findings.append(f'{where}.{path}: not a property of {model.__name__}')

    walk(value, '')
    for attr, rule in rules.items():
        if not rule.get('required') or rule.get('readonly'):
            continue
        node = value
        for part in model._attribute_map[attr]['key'].split('.'):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            findings.append(f'{where}: {model._attribute_map[attr]["key"]} is required by {model.__name__}')


def main(path):
    template = json.load(open(path))
    findings = []
    for i, resource in enumerate(template.get('resources', [])):
        where = f"resources[{i}] {resource.get('type')}"
        known = MODELS.get(resource.get('type'))
        if known is None:
            findings.append(f'{where}: no model to check it against')
            continue
        (module, version), model = known
        version = version or apim_api_version()
        if resource.get('apiVersion') != version:
            findings.append(f"{where}: apiVersion {resource.get('apiVersion')}, the models describe {version}")
        models = importlib.import_module(module)
        check_model(models, getattr(models, model), {k: v for k, v in resource.items() if k not in TEMPLATE_KEYS}, where, findings)
    print('\n'.join(findings))


if __name__ == '__main__':
    main(sys.argv[1])
