import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// The report is printed, and the failure names each failing component with its rule.
assert log.contains('validate-incomplete 1.0.0 (validate-incomplete-1.0.0.oab) against oab-full')
assert log.contains('NOT MET: ')
assert log.contains('validate-incomplete-1.0.0.oab does not meet oab-full (OAB full release):')
assert log.contains('Training code (training-code): rule component.present [component.missing]: ')
assert log.contains('add it under code/training/')
assert log.contains('Model parameters (Final) (model-parameters-final): rule component.present [component.missing]')
assert log.contains('Model card (model-card): rule evidence.model-card')
// What is there is not reported as failing.
assert !log.contains('Inference code (inference-code): rule')
assert log.contains('[ERROR] Failed to execute goal dev.oab:oab-maven-plugin')

def target = new File(basedir, 'target')
def report = new JsonSlurper().parse(new File(target, 'validate-incomplete-1.0.0.validation.json'))
assert report.profile.id == 'oab-full'
assert report.met == false
assert new File(target, 'validate-incomplete-1.0.0.validation.html').text.contains('training-code')
assert new File(target, 'validate-incomplete-1.0.0.validation.svg').text.startsWith('<svg')
return true
